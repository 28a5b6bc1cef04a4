/**
 * `npm run bench:web`: what a person feels in the web app, on the default demo company in memory
 * (PGlite): time from opening the app to an interactive first screen per role (signed in, home
 * panels filled), and list response times through the API as the app calls them (p50/p95).
 * Needs Debian's chromium (/usr/bin/chromium) and a built web app (`npm run build:web`).
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { DEMO_PASSWORD } from '../src/demo/demo-credentials.js';
import { startServer } from '../src/server.js';
import { fmt, percentile } from './stats.js';

const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
if (!existsSync('dist/web/index.html')) throw new Error('dist/web is missing: run npm run build:web first');

const started = Date.now();
const { url, stop } = await startServer({ demo: 'always', config: { memory: true, port: 0, logLevel: 'warn' } });
console.log(`demo company loaded and serving in ${fmt(Date.now() - started)} ms`);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });

const HOME_READY: Record<string, string> = {
  'marketing@truce.demo': 'Newest MQLs', 'sdr@truce.demo': 'My lead queue (by deadline)', 'rep@truce.demo': 'My open deals',
  'manager@truce.demo': 'My team', 'exec@truce.demo': 'Scoreboard',
};
console.log('\nfirst screen (open the app signed in → home panels filled), ms; target < 2,000');
for (const [email, panel] of Object.entries(HOME_READY)) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const res = await context.request.post(`${url}/api/v1/auth/sign-in`, { data: { email, password: DEMO_PASSWORD } });
  if (!res.ok()) throw new Error(`sign-in as ${email}: ${res.status()}`);
  const page = await context.newPage();
  const t0 = Date.now();
  await page.goto(`${url}/`);
  const region = page.getByRole('region', { name: panel });
  await region.locator('table, p').first().waitFor({ timeout: 30_000 });
  console.log(`  ${email.padEnd(22)} ${fmt(Date.now() - t0).padStart(6)}`);
  await context.close();
}

console.log('\nlists as the web app asks for them (50 rows), ms over 20 calls; target < 300');
const LISTS = [
  '/api/v1/people?sort=createdAt&order=desc', '/api/v1/people?stage=mql&sort=updatedAt&order=asc', '/api/v1/people?q=smith',
  '/api/v1/accounts?sort=name&order=asc', '/api/v1/opportunities?status=open&sort=closeDate&order=asc', '/api/v1/campaigns',
  '/api/v1/touchpoints?side=sales', '/api/v1/reports/scoreboard', '/api/v1/search?q=acme',
];
for (const who of ['exec@truce.demo', 'rep@truce.demo']) {
  const context = await browser.newContext();
  await context.request.post(`${url}/api/v1/auth/sign-in`, { data: { email: who, password: DEMO_PASSWORD } });
  console.log(`  as ${who}`);
  for (const path of LISTS) {
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      const limited = path.startsWith('/api/v1/search') || path.startsWith('/api/v1/reports') ? path : `${path}${path.includes('?') ? '&' : '?'}limit=50`;
      const r = await context.request.get(`${url}${limited}`);
      if (!r.ok() && r.status() !== 403) throw new Error(`${path}: ${r.status()}`);
      times.push(performance.now() - t0);
    }
    console.log(`    ${path.padEnd(58)} p50 ${fmt(percentile(times, 50)).padStart(5)}  p95 ${fmt(percentile(times, 95)).padStart(5)}`);
  }
  await context.close();
}
await browser.close();
await stop();
