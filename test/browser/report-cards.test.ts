import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, startHarness, type Harness } from './harness.js';

/**
 * An exec opens the scoreboard, a rep their report card: the figures on the page are the API's.
 * Now is Monday 2026-06-15 12:00 (the harness clock). The rep's week: a deal of 20,000 won, one of
 * 5,000 lost, one of 40,000 open, all created today; a Q2 quota of 100,000.
 */
const available = chromiumAvailable();
let h: Harness;
let repId: string;

beforeAll(async () => {
  if (!available) return;
  h = await startHarness();
  repId = (await h.user('sales_rep')).id;
  const account = await h.post('/api/v1/accounts', { name: 'Card Co', ownerId: repId });
  for (const [name, amount, stage] of [['Won deal', 20_000, 'closed_won'], ['Lost deal', 5_000, 'closed_lost'], ['Open deal', 40_000, 'proposal']] as const) {
    const deal = await h.post('/api/v1/opportunities', { accountId: account.id, name, amount, ownerId: repId, stage: 'proposal', createdAt: '2026-06-15T01:00:00Z' });
    if (stage !== 'proposal') {
      const res = await h.env.request('PATCH', `/api/v1/opportunities/${deal.id}`, { stage, ...(stage === 'closed_lost' ? { lostReason: 'budget' } : {}) });
      if (res.status !== 200) throw new Error(res.text);
    }
  }
  const quota = await h.env.request('PUT', '/api/v1/quotas', { userId: repId, startsOn: '2026-04-01', endsOn: '2026-06-30', amount: 100_000 });
  if (quota.status !== 200) throw new Error(quota.text);
});
afterAll(async () => { await h?.close(); });

const pct = (v: number) => `${(v * 100).toFixed(v < 0.1 ? 1 : 0)} %`;

describe.runIf(available)('keeping score in the browser', () => {
  it('shows an exec the scoreboard the API computes', async () => {
    const execKey = await h.env.actAs('exec');
    const api = (await execKey.request('GET', '/api/v1/reports/scoreboard')).body;
    const won = api.won.find((r: { currency: string }) => r.currency === 'USD');
    expect(won).toMatchObject({ count: 1, amount: 20_000 });
    const page = await h.signedInPage('exec');
    await page.goto(`${h.base}/`);
    const board = page.getByRole('region', { name: 'Scoreboard' });
    await expect.poll(() => board.innerText().catch(() => '')).toMatch(/Won\s+\$20,000\s+1 deals/i);
    const text = await board.innerText();
    expect(text).toMatch(new RegExp(`Win rate\\s+${Math.round(api.winRate * 100)} %`, 'i'));
    expect(text).toMatch(/Open pipeline\s+\$40,000/i);
    expect(text).toMatch(/Pipeline created\s+\$65,000\s+3 deals/i);
  });

  it('shows a rep their own card with the API\'s figures, and why a figure is missing', async () => {
    const repPage = await h.signedInPage('sales_rep');
    const res = await repPage.request.get(`${h.base}/api/v1/reports/cards/rep/me`);
    const api = await res.json();
    expect(api.attainment.value).toBeCloseTo(0.2);
    await repPage.goto(`${h.base}/cards`);
    const stat = (label: string) => repPage.getByTestId(`stat-${label}`);
    await expect.poll(() => stat('Attainment').innerText().catch(() => '')).toBe(pct(api.attainment.value));
    expect(await stat('Win rate').innerText()).toBe(pct(api.winRate.value));
    expect(await stat('Coverage').innerText()).toBe(`${api.coverage.value.toFixed(1)}×`);
    expect(await stat('Pipeline created').innerText()).toBe('$65,000');
    expect(await repPage.getByRole('heading', { name: /Rep card/ }).count()).toBe(1);
    expect(await repPage.getByLabel('Time to accept').innerText()).toContain(api.leads.hoursToAccept.why);
    expect(await repPage.getByLabel('Feedback items').innerText()).toMatch(/not recorded in Truce yet/);
    // Another rep's card is not theirs to see.
    const other = await h.env.actAs('sales_rep');
    const refused = await repPage.request.get(`${h.base}/api/v1/reports/cards/rep/${other.user.id}`);
    expect(refused.status()).toBe(403);
  });

  it('opens the waterfall, the shared goal and the alignment diagnostic as an exec, with the API\'s figures', async () => {
    const page = await h.signedInPage('exec');
    const wf = (await (await page.request.get(`${h.base}/api/v1/reports/waterfall?by=cohort`)).json());
    await page.goto(`${h.base}/waterfall`);
    await expect.poll(() => page.getByRole('table', { name: 'Waterfall by cohort' }).innerText().catch(() => '')).toContain('All');
    expect(await page.getByRole('img', { name: /^Funnel:/ }).getAttribute('aria-label')).toContain(`Lead ${wf.total.firstPass.stages[1].passed}`);
    await page.goto(`${h.base}/goal`);
    await expect.poll(() => page.getByRole('heading', { name: 'One goal, two horizons' }).count()).toBe(1);
    expect(await page.getByText('No shared revenue goal for today').count()).toBe(1);
    await page.goto(`${h.base}/alignment`);
    await expect.poll(() => page.getByRole('heading', { name: 'Sales and marketing alignment' }).count()).toBe(1);
    expect(await page.getByLabel('Feedback items').innerText()).toMatch(/not recorded in Truce yet/);
  });
});
