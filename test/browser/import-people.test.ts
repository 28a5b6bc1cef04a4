import { serve, type ServerType } from '@hono/node-server';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../support/test-app.js';

const CHROMIUM = '/usr/bin/chromium';
const DIST = path.resolve('dist/web');
const available = existsSync(CHROMIUM);
if (!available && process.env.CI === 'true') throw new Error(`${CHROMIUM} is missing: CI must install Debian's chromium (apt-get install chromium).`);
if (!available) console.warn(`Browser tests skipped: ${CHROMIUM} is not installed (apt-get install chromium).`);

let env: TestEnv;
let server: ServerType;
let browser: Browser;
let base: string;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'truce-browser-'));

beforeAll(async () => {
  if (!available) return;
  if (!existsSync(path.join(DIST, 'index.html'))) execFileSync('npx', ['vite', 'build', '--config', 'src/web/vite.config.ts'], { stdio: 'inherit' });
  env = await createTestEnv({ config: { webDistDir: DIST } });
  server = serve({ fetch: env.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const addr = server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => (server ? server.close(r) : r(null)));
  await env?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe.runIf(available)('importing people in the web app', () => {
  it('shows the bad row with its reason and lists the imported people', async () => {
    const file = path.join(tmp, 'people.csv');
    writeFileSync(file, ['E-mail,First name,Last name,Company', 'grace@hopper.dev,Grace,Hopper,Hopper Dev', 'oops-not-an-email,Bad,Row,', 'alan@turing.dev,Alan,Turing,Turing Dev'].join('\n'));
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${base}/import`);
    await page.locator('input[type=file]').setInputFiles(file);
    await expect.poll(() => page.getByLabel('Field for column E-mail').first().inputValue()).toBe('E-mail *');
    await page.getByRole('button', { name: /^Import people\.csv/ }).click();
    const result = page.getByTestId('import-result');
    await result.waitFor();
    await expect.poll(() => result.innerText()).toMatch(/3 rows read · 2 imported · 1 failed/);
    const errors = page.getByRole('table', { name: 'Row errors' });
    expect(await errors.innerText()).toMatch(/3\s+email\s+invalid e-mail address/);
    await page.screenshot({ path: path.join(os.tmpdir(), 'truce-import.png') });

    await page.getByRole('link', { name: 'People' }).click();
    const table = page.getByRole('table', { name: 'People' });
    await expect.poll(() => table.innerText()).toContain('grace@hopper.dev');
    expect(await table.innerText()).toContain('alan@turing.dev');
    expect(await table.innerText()).not.toContain('oops-not-an-email');
    await page.close();
  });

  it('opens a person from the list and shows the timeline of touches', async () => {
    await env.request('POST', '/api/v1/touchpoints', { touchpoints: [
      { externalId: 'b-1', occurredAt: '2026-06-01T10:00:00Z', kind: 'webinar_attended', email: 'grace@hopper.dev' },
      { externalId: 'b-2', occurredAt: '2026-06-02T10:00:00Z', kind: 'call', email: 'grace@hopper.dev' },
    ] });
    const page = await browser.newPage();
    await page.goto(`${base}/people`);
    await page.getByRole('link', { name: 'grace@hopper.dev' }).click();
    const timeline = page.getByLabel('Timeline of touches');
    await expect.poll(() => timeline.innerText().catch(() => '')).toContain('webinar attended');
    await page.getByLabel('Filter by side').getByText('sales', { exact: true }).click();
    await expect.poll(() => timeline.innerText()).not.toContain('webinar attended');
    expect(await timeline.innerText()).toContain('call');
    await page.close();
  });

  it('defines a custom field in the app and shows a bad key next to its field', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/settings/custom-fields`);
    await page.getByLabel('Key').fill('Bad Key');
    await page.getByLabel('Label').fill('Bad');
    await page.getByRole('button', { name: 'Add field' }).click();
    await expect.poll(() => page.getByText('lower-case letters, digits and _; starts with a letter').count()).toBe(1);
    await page.getByLabel('Key').fill('nps');
    await page.getByLabel('Label').fill('Net promoter score');
    await page.getByRole('button', { name: 'Add field' }).click();
    const table = page.getByRole('table', { name: 'Custom fields' });
    await expect.poll(() => table.innerText()).toContain('Net promoter score');
    const defined = await env.request('GET', '/api/v1/custom-fields?entity=person');
    expect(defined.body.data.map((f: { key: string }) => f.key)).toContain('nps');
    await page.close();
  });
});
