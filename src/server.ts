import { serve, type ServerType } from '@hono/node-server';
import type { Config } from './config.js';
import { loadDemo, isDatabaseEmpty } from './demo/load-demo.js';
import { DEMO_PASSWORD, DEMO_SIGN_INS } from './demo/demo-credentials.js';
import { ensureAdmin } from './domain/identity/ensure-admin.js';
import { systemCtx } from './domain/shared/context.js';
import { failInterruptedImports } from './domain/capture/import/fail-interrupted-imports.js';
import { systemClock } from './domain/shared/clock.js';
import { createApp } from './http/app.js';
import { openConfigured } from './cli/open-context.js';
import { startJobRunner } from './jobs/job-runner.js';
import type { JobName } from './jobs/registry.js';

export type ServeOptions = { demo: 'auto' | 'never' | 'always'; config?: Partial<Config> };

/**
 * Starts the HTTP server. On an empty embedded database the demo company is loaded (never on
 * a DATABASE_URL database unless asked with demo: 'always').
 */
export async function startServer(options: ServeOptions): Promise<{ server: ServerType; url: string; stop: () => Promise<void> }> {
  const { handle, config, log, release } = await openConfigured(options.config);
  // Embedded: this process holds the data folder alone, so a running import was interrupted.
  if (handle.engine === 'pglite') {
    const n = await failInterruptedImports(handle.db, new Date());
    if (n > 0) log.warn({ imports: n }, 'imports interrupted by the last stop were marked failed');
  }
  const wantDemo = options.demo === 'always' || (options.demo === 'auto' && handle.engine === 'pglite');
  if (wantDemo && (await isDatabaseEmpty(handle))) {
    const started = Date.now();
    log.info('empty database: loading the demo company');
    const summary = await loadDemo(handle, {
      seed: config.demoSeed, now: new Date(),
      onProgress: (step, done, total) => log.debug({ step, done, total }, 'demo'),
    });
    log.info({ ms: Date.now() - started, ...summary.counts }, 'demo company loaded');
  }
  const admin = await ensureAdmin(systemCtx(handle, systemClock, log), config.adminEmail, config.adminPassword);
  if (admin) printFirstAdmin(admin);
  // After migrations and the demo load: jobs share the database with HTTP (on PGlite, one session).
  const jobs = await startJobRunner({ handle, log, clock: systemClock, work: config.jobs, config });
  const app = createApp({ handle, config, log, clock: systemClock, enqueue: (job, data) => jobs.send(job as JobName, data as never) });
  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  log.info({ url, engine: handle.engine, dataDir: handle.engine === 'pglite' ? (config.memory ? 'memory' : config.dataDir) : undefined }, 'Truce is serving');
  const stop = async () => {
    // Keep-alive connections would hold close() open until they time out.
    await new Promise<void>((resolve) => { server.close(() => resolve()); (server as { closeAllConnections?: () => void }).closeAllConnections?.(); });
    await jobs.stop(); // lets a running job finish, before the database closes
    await handle.close();
    release();
  };
  return { server, url, stop };
}

export function printWelcome(url: string, demoLoaded: boolean): void {
  const lines = [
    '',
    `  Truce is running at ${url}`,
    `  API docs:           ${url}/docs   (OpenAPI: ${url}/api/openapi.json)`,
  ];
  if (demoLoaded) {
    lines.push(`  Demo sign-ins, one per role (password for all: ${DEMO_PASSWORD}):`);
    for (const s of DEMO_SIGN_INS) lines.push(`    ${s.role.padEnd(14)} ${s.email}`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

/** The first admin's sign-in, printed once (the password only when Truce generated it). */
function printFirstAdmin(admin: { email: string; password: string | null }): void {
  const secret = admin.password ? `password ${admin.password}   (shown once: change it after signing in)` : 'password from TRUCE_ADMIN_PASSWORD';
  process.stdout.write(`\n  First start: created the admin ${admin.email}, ${secret}\n`);
}
