import { serve, type ServerType } from '@hono/node-server';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Role } from '../../src/db/schema/vocabulary.js';
import { createUser } from '../../src/domain/identity/create-user.js';
import { createTestEnv, type TestEnv } from '../support/test-app.js';

export const CHROMIUM = '/usr/bin/chromium';
const ROOT = path.resolve(import.meta.dirname, '../..');
const DIST = path.join(ROOT, 'dist/web');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Whether the browser tests can run. Without Debian's chromium they are skipped locally (with a
 * warning) but fail in CI, where a missing browser must not pass silently.
 */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  const message = `${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium) to run the browser tests.`;
  if (process.env.CI === 'true') throw new Error(`Browser tests cannot run in CI: ${message}`);
  console.warn(`Browser tests skipped: ${message}`);
  return false;
}

export type Harness = {
  env: TestEnv; browser: Browser; base: string; tmp: string;
  /** A user of this role (created once per role) with password PASSWORD. */
  user(role: Role): Promise<{ email: string; id: string }>;
  /** POSTs as the test admin and returns the created record; throws unless 201. */
  post(path: string, body: unknown): Promise<any>;
  /** A fresh page whose browser context is signed in as a user of this role (through the API). */
  signedInPage(role?: Role): Promise<Page>;
  close(): Promise<void>;
};

export const PASSWORD = 'browser-test-password';
const VIEWPORT = { width: 1400, height: 900 };

/** The real app over HTTP on a free port, serving the built web app, and a headless chromium with a fresh profile. */
export async function startHarness(): Promise<Harness> {
  if (!existsSync(path.join(DIST, 'index.html'))) {
    execFileSync('npx', ['vite', 'build', '--config', 'src/web/vite.config.ts'], { cwd: ROOT, stdio: 'inherit' });
  }
  const env = await createTestEnv({ config: { webDistDir: DIST } });
  const server: ServerType = serve({ fetch: env.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const addr = server.address();
  if (!addr || typeof addr !== 'object') throw new Error('the test server has no port');
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'truce-browser-'));
  // launch() gives chromium a fresh temporary profile of its own (it refuses --user-data-dir) and removes it on close.
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const base = `http://127.0.0.1:${addr.port}`;
  const users = new Map<Role, Promise<{ email: string; id: string }>>();
  const user = (role: Role) => {
    if (!users.has(role)) {
      users.set(role, createUser(env.ctx, { email: `${role.replace('_', '-')}@browser.test`, name: `${role.replace('_', ' ')} tester`, role, password: PASSWORD })
        .then((u) => ({ email: u.email, id: u.id })));
    }
    return users.get(role)!;
  };
  return {
    env, browser, tmp, base, user,
    async post(path: string, body: unknown) {
      const res = await env.request('POST', path, body);
      if (res.status !== 201) throw new Error(`POST ${path}: ${res.status} ${res.text}`);
      return res.body;
    },
    async signedInPage(role: Role = 'admin') {
      const { email } = await user(role);
      const context = await browser.newContext({ viewport: VIEWPORT });
      const res = await context.request.post(`${base}/api/v1/auth/sign-in`, { data: { email, password: PASSWORD } });
      if (!res.ok()) throw new Error(`sign-in as ${role} failed: ${res.status()} ${await res.text()}`);
      return context.newPage();
    },
    async close() {
      await browser.close();
      await new Promise((r) => server.close(r));
      await env.close();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}
