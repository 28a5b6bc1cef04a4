import { routeWaitingMqls } from '../../src/domain/handoff/route-waiting-mqls.js';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/domain/identity/create-user.js';
import { chromiumAvailable, PASSWORD, startHarness, type Harness } from './harness.js';

/**
 * Three people sign in through the form and each finds their own work: the home screen, the
 * navigation and the lists differ by role and record, and what is not theirs reads "Access denied".
 */
const available = chromiumAvailable();
let h: Harness;
let othersBuyer: string;

beforeAll(async () => {
  if (!available) return;
  h = await startHarness();
  const rep = await h.user('sales_rep');
  const sdr = await h.user('sdr');
  await h.user('marketing');
  const other = await createUser(h.env.ctx, { email: 'other-rep@browser.test', name: 'Other Rep', role: 'sales_rep' });
  const mine = await h.post('/api/v1/accounts', { name: 'Mine Industries', domains: ['mine-industries.test'], ownerId: rep.id });
  const theirs = await h.post('/api/v1/accounts', { name: 'Theirs Holdings', domains: ['theirs-holdings.test'], ownerId: other.id });
  await h.post('/api/v1/people', { email: 'pat@mine-industries.test', firstName: 'Pat', lastName: 'Mine', accountId: mine.id });
  othersBuyer = (await h.post('/api/v1/people', { email: 'quinn@theirs-holdings.test', firstName: 'Quinn', lastName: 'Theirs', accountId: theirs.id })).id;
  await h.post('/api/v1/people', { email: 'hot@lead.test', firstName: 'Hana', lastName: 'Handraiser', lifecycleStage: 'mql', ownerId: sdr.id });
  // The SDR's queue is their open hand-offs: route the waiting MQL to them.
  await h.post('/api/v1/routing/rules', { name: 'SDR queue', kind: 'fallback', targetUserId: sdr.id });
  await routeWaitingMqls(h.env.ctx);
  await h.post('/api/v1/opportunities', { accountId: mine.id, name: 'Mine Industries rollout', amount: 42000, currency: 'EUR', ownerId: rep.id, closeDate: '2026-09-30' });
  await h.post('/api/v1/opportunities', { accountId: theirs.id, name: 'Theirs Holdings pilot', amount: 7000, currency: 'EUR', ownerId: other.id });
});
afterAll(async () => { await h?.close(); });

/** Opens a page while signed out, gets sent to the sign-in form, signs in there and comes back. */
async function signInThroughForm(email: string, path: string): Promise<Page> {
  const context = await h.browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${h.base}${path}`);
  await page.waitForURL(/\/sign-in\?next=/);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === path);
  return page;
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' }).innerText();
const panel = (page: Page, title: string) => page.getByRole('region', { name: title });

describe.runIf(available)('each role in its own cockpit', () => {
  it('marketing: MQLs and new leads first, every person, the marketing tools', async () => {
    const page = await signInThroughForm('marketing@browser.test', '/');
    await expect.poll(() => panel(page, 'Newest MQLs').innerText()).toContain('Hana Handraiser');
    expect(await panel(page, 'New leads').count()).toBe(1);
    expect(await panel(page, 'Latest campaigns').count()).toBe(1);
    const menu = await nav(page);
    expect(menu).toContain('Forms');
    expect(menu).toContain('Import');
    expect(menu).toContain('Users');
    expect(menu).not.toContain('API keys');
    await page.goto(`${h.base}/people`);
    const people = page.getByRole('table', { name: 'People' });
    await expect.poll(() => people.innerText()).toContain('quinn@theirs-holdings.test');
    expect(await people.innerText()).toContain('pat@mine-industries.test');
    await page.context().close();
  });

  it('sales rep: own deals first, only their records, and "Access denied" elsewhere', async () => {
    const page = await signInThroughForm('sales-rep@browser.test', '/');
    await expect.poll(() => panel(page, 'My open deals').innerText()).toContain('Mine Industries rollout');
    expect(await panel(page, 'My open deals').innerText()).not.toContain('Theirs Holdings pilot');
    expect(await panel(page, 'Newest MQLs').count()).toBe(0);
    const menu = await nav(page);
    expect(menu).not.toContain('Forms');
    expect(menu).not.toContain('Import');

    await page.goto(`${h.base}/people`);
    const people = page.getByRole('table', { name: 'People' });
    await expect.poll(() => people.innerText()).toContain('pat@mine-industries.test');
    expect(await people.innerText()).not.toContain('quinn@theirs-holdings.test');

    // Another rep's buyer, by URL: refused by the API, explained on the page.
    await page.goto(`${h.base}/people/${othersBuyer}`);
    const denied = page.getByRole('alert');
    await expect.poll(() => denied.innerText().catch(() => '')).toContain('Access denied');
    expect(await denied.innerText()).toContain('not yours to see or change');
    expect(await page.getByText('quinn@theirs-holdings.test').count()).toBe(0);

    // A page of a role they do not have.
    await page.goto(`${h.base}/forms`);
    await expect.poll(() => page.getByRole('alert').innerText().catch(() => '')).toContain('Access denied');
    await page.context().close();
  });

  it("SDR: the team's lead queue first, no deals", async () => {
    const page = await signInThroughForm('sdr@browser.test', '/people');
    const people = page.getByRole('table', { name: 'People' });
    await expect.poll(() => people.innerText()).toContain('hot@lead.test');
    expect(await people.innerText()).not.toContain('pat@mine-industries.test');
    await page.goto(`${h.base}/`);
    await expect.poll(() => panel(page, 'My lead queue (by deadline)').innerText()).toContain('Hana Handraiser');
    expect(await panel(page, 'My open deals').count()).toBe(0);
    await page.context().close();
  });

  it('exec: the scoreboard first, the same figures as the API', async () => {
    const exec = await h.user('exec');
    const page = await signInThroughForm(exec.email, '/');
    const board = page.getByRole('region', { name: 'Scoreboard' });
    await expect.poll(() => board.innerText().catch(() => '')).toMatch(/open pipeline/i);
    const api = (await h.env.request('GET', '/api/v1/reports/scoreboard')).body;
    const open = api.openPipeline.filter((r: { currency: string }) => r.currency === 'EUR');
    const amount = open.reduce((n: number, r: { amount: number }) => n + r.amount, 0);
    expect(amount).toBe(49_000);
    const text = await board.innerText();
    expect(text).toContain(`€${amount.toLocaleString('en-US')}`);
    expect(text).toContain(`${open.reduce((n: number, r: { count: number }) => n + r.count, 0)} deals`);
    await expect.poll(() => page.getByRole('img', { name: /Open pipeline by stage/ }).count()).toBe(1);
    await page.context().close();
  });

  it('refuses a wrong password on the form with a message, not a field of the form', async () => {
    const context = await h.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${h.base}/sign-in`);
    await page.getByLabel('E-mail').fill('marketing@browser.test');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').innerText().catch(() => '')).toContain('Could not sign in');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await context.close();
  });
});
