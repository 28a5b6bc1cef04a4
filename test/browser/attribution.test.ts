import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, startHarness, type Harness } from './harness.js';

/**
 * Marketing opens the attribution report: W-shaped and linear side by side, per channel, the
 * same figures as the API, and a figure drilled down to the touches behind it.
 * One deal of 9,000 USD with three touches on its contact: web (FT, and LC: capture created the
 * lead with it), content, webinar (OC). W-shaped: web 60%, content 10%, webinar 30%; first
 * touch: all to web.
 */
const available = chromiumAvailable();
let h: Harness;

beforeAll(async () => {
  if (!available) return;
  h = await startHarness();
  await h.post('/api/v1/touchpoints', { touchpoints: [
    { externalId: 'a-1', occurredAt: '2026-05-01T10:00:00Z', kind: 'page_view', channel: 'web', email: 'buyer@credited.test' },
    { externalId: 'a-2', occurredAt: '2026-05-10T10:00:00Z', kind: 'content_download', channel: 'content', asset: 'Guide', email: 'buyer@credited.test' },
    { externalId: 'a-3', occurredAt: '2026-05-20T10:00:00Z', kind: 'webinar_attended', channel: 'webinar', email: 'buyer@credited.test' },
  ] });
  const person = (await h.env.request('GET', '/api/v1/people?q=buyer@credited')).body.data[0];
  await h.post('/api/v1/opportunities', {
    accountId: person.accountId, name: 'Credited deal', amount: 9000, createdAt: '2026-05-25T00:00:00Z', contacts: [{ personId: person.id, role: 'champion' }],
  });
  const run = await h.env.request('POST', '/api/v1/attribution/recompute');
  if (run.status !== 202) throw new Error(run.text);
});
afterAll(async () => { await h?.close(); });

describe.runIf(available)('the attribution report', () => {
  it('shows two models side by side as the API computes them, and the touches behind a figure', async () => {
    const api = (await h.env.request('GET', '/api/v1/attribution/report?dimension=channel&model=w_shaped&compare=linear')).body;
    const web = api.rows.find((r: { key: string }) => r.key === 'web');
    expect(web.model.credit).toBeCloseTo(5400, 1);

    const page = await h.signedInPage('marketing');
    await page.goto(`${h.base}/attribution`);
    const table = page.getByRole('table', { name: 'Credit' });
    await expect.poll(() => table.innerText().catch(() => '')).toContain('webinar');
    const text = await table.innerText();
    expect(text).toContain('W-shaped');
    expect(text).toContain('Linear');
    expect(text).toMatch(/web\s+USD\s+\$5,400\s+0\.6\s+\$3,000\s+0\.3/);
    await expect.poll(() => page.getByRole('img', { name: /Credit by W-shaped and Linear/ }).count()).toBe(1);

    await page.getByRole('textbox', { name: 'Model' }).click();
    await page.getByRole('option', { name: 'First touch' }).click();
    await expect.poll(() => table.innerText().catch(() => '')).toMatch(/web\s+USD\s+\$9,000\s+1\.0/);

    await table.getByRole('row', { name: /^web USD/ }).getByRole('button', { name: 'Touches' }).click();
    const drawer = page.getByRole('table', { name: 'Credited touches' });
    await expect.poll(() => drawer.innerText().catch(() => '')).toContain('Credited deal');
    const drill = await drawer.innerText();
    expect(drill).toContain('100.0 %');
    expect(drill).toContain('FT');
    await page.context().close();
  });

  it('refuses custom weights that do not sum to 100% in the settings, saying so, and saves ones that do', async () => {
    const page = await h.signedInPage('marketing');
    await page.goto(`${h.base}/attribution`);
    await page.getByRole('tab', { name: 'Settings' }).click();
    const ft = page.getByRole('textbox', { name: 'First touch %' });
    await ft.fill('50');
    await page.getByRole('button', { name: 'Save and recompute' }).click();
    await expect.poll(() => page.getByText(/the weights must sum to 100%, they sum to 125%/).count()).toBe(1);
    await ft.fill('25');
    await page.getByRole('button', { name: 'Save and recompute' }).click();
    await expect.poll(() => page.getByText('Saved; every deal is being recomputed.').count()).toBe(1);
    expect((await h.env.request('GET', '/api/v1/attribution/settings')).body.customWeights.ft).toBe(25);
    await page.context().close();
  });
});
