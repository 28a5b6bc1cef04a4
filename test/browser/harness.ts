import { serve, type ServerType } from '@hono/node-server';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
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

export type Harness = { env: TestEnv; browser: Browser; base: string; tmp: string; close(): Promise<void> };

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
  return {
    env, browser, tmp, base: `http://127.0.0.1:${addr.port}`,
    async close() {
      await browser.close();
      await new Promise((r) => server.close(r));
      await env.close();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}
