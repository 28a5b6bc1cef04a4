import os from 'node:os';
import path from 'node:path';

/** The one place that reads the environment. Everything else receives a Config. */
export type Config = {
  databaseUrl: string | undefined;
  dataDir: string;
  memory: boolean;
  host: string;
  port: number;
  logLevel: string;
  /** Public form submissions allowed per IP per minute. */
  formRateLimitPerMinute: number;
  /** Touches further in the future than this are refused (clock skew tolerance). */
  maxFutureSkewMinutes: number;
  /** On PostgreSQL, a batch of 2,000 touches or more is written as this many parts by company, concurrently, on as many connections (1: never split). */
  captureParts: number;
  demoSeed: number;
  webDistDir: string;
  /** The first admin, created at first start when no admin can sign in. */
  adminEmail: string;
  /** Its password; when unset a random one is generated and printed once. */
  adminPassword: string | undefined;
  /** Session cookies marked Secure: 'auto' = when the request came over HTTPS (or X-Forwarded-Proto says so). */
  secureCookies: 'auto' | 'always' | 'never';
  /** Sign-in attempts allowed per IP per minute (on top of the per-user lock-out). */
  signInRateLimitPerMinute: number;
  /** Work background jobs in this process (TRUCE_JOBS=off: a web-only node; jobs can still be sent). */
  jobs: boolean;
  /** Webhook endpoints on private, loopback, link-local or unique-local addresses allowed (TRUCE_WEBHOOKS_ALLOW_PRIVATE=1; off by default). */
  webhooksAllowPrivate: boolean;
  /** Where e-mail goes: an SMTP URL (`smtp://user:pass@host:587`, `smtps://…`); unset = one `.eml` file per message in mailDir. */
  smtpUrl: string | undefined;
  /** The From of e-mail Truce sends. */
  mailFrom: string;
  /** The file sink's folder (TRUCE_MAIL_DIR); default `<data dir>/outbox`, or a temporary folder for an in-memory run. */
  mailDir: string | undefined;
  /** The address people open Truce at, for absolute links in e-mail. */
  publicUrl: string;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.TRUCE_DATA_DIR ?? './.truce/data'),
    memory: env.TRUCE_MEMORY === '1',
    host: env.HOST ?? '127.0.0.1',
    port: Number(env.PORT ?? 3000),
    logLevel: env.LOG_LEVEL ?? (env.NODE_ENV === 'test' ? 'silent' : 'info'),
    formRateLimitPerMinute: Number(env.TRUCE_FORM_RATE_LIMIT ?? 20),
    maxFutureSkewMinutes: Number(env.TRUCE_MAX_FUTURE_SKEW_MINUTES ?? 10),
    captureParts: Math.max(1, Math.floor(Number(env.TRUCE_CAPTURE_PARTS ?? 2)) || 1),
    demoSeed: Number(env.TRUCE_DEMO_SEED ?? 42),
    webDistDir: path.resolve(env.TRUCE_WEB_DIST ?? new URL('../dist/web', import.meta.url).pathname),
    adminEmail: (env.TRUCE_ADMIN_EMAIL ?? 'admin@truce.local').toLowerCase(),
    adminPassword: env.TRUCE_ADMIN_PASSWORD || undefined,
    secureCookies: env.TRUCE_SECURE_COOKIES === 'always' || env.TRUCE_SECURE_COOKIES === 'never' ? env.TRUCE_SECURE_COOKIES : 'auto',
    signInRateLimitPerMinute: Number(env.TRUCE_SIGN_IN_RATE_LIMIT ?? 30),
    jobs: env.TRUCE_JOBS !== 'off',
    webhooksAllowPrivate: env.TRUCE_WEBHOOKS_ALLOW_PRIVATE === '1' || env.TRUCE_WEBHOOKS_ALLOW_PRIVATE === 'true',
    smtpUrl: env.TRUCE_SMTP_URL || undefined,
    mailFrom: env.TRUCE_MAIL_FROM || 'Truce <truce@localhost>',
    mailDir: env.TRUCE_MAIL_DIR ? path.resolve(env.TRUCE_MAIL_DIR) : undefined,
    publicUrl: (env.TRUCE_PUBLIC_URL || 'http://localhost:3000').replace(/\/+$/, ''),
    ...overrides,
  };
}

/** The e-mail file sink's folder: TRUCE_MAIL_DIR, else `<data dir>/outbox`, else (in-memory runs) a temporary folder. */
export function mailDirectory(config: Config): string {
  if (config.mailDir) return config.mailDir;
  if (config.memory) return path.join(os.tmpdir(), `truce-mail-${process.pid}`);
  return path.join(config.dataDir, 'outbox');
}
