import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, startHarness, type Harness } from './harness.js';

/** The lists a marketer works in: sort by a header, hide a column, save the view, bring it back. */
const available = chromiumAvailable();
let h: Harness;

beforeAll(async () => {
  if (!available) return;
  h = await startHarness();
  const account = await h.post('/api/v1/accounts', { name: 'Listworthy Inc', domains: ['listworthy.test'] });
  await h.post('/api/v1/opportunities', { accountId: account.id, name: 'Alpha deal', amount: 1000, currency: 'USD', stage: 'discovery' });
  await h.post('/api/v1/opportunities', { accountId: account.id, name: 'Bravo deal', amount: 9000, currency: 'USD', stage: 'proposal' });
  await h.post('/api/v1/opportunities', { accountId: account.id, name: 'Charlie deal', amount: 5000, currency: 'USD', stage: 'proposal' });
  await h.post('/api/v1/campaigns', { name: 'Spring webinar', type: 'webinar', channel: 'webinar', startsOn: '2026-03-01', budget: 2000 });
  await h.post('/api/v1/touchpoints', { touchpoints: [
    { externalId: 'l-1', occurredAt: '2026-05-01T10:00:00Z', kind: 'webinar_attended', email: 'kim@listworthy.test', person: { firstName: 'Kim', lastName: 'Lister' } },
    { externalId: 'l-2', occurredAt: '2026-05-02T10:00:00Z', kind: 'meeting', email: 'kim@listworthy.test' },
  ] });
});
afterAll(async () => { await h?.close(); });

describe.runIf(available)('lists', () => {
  it('sorts, hides a column, saves the view and applies it again', async () => {
    const page = await h.signedInPage('marketing');
    await page.goto(`${h.base}/opportunities`);
    const table = page.getByRole('table', { name: 'Opportunities' });
    await expect.poll(() => table.innerText()).toContain('Listworthy Inc');
    await page.getByRole('button', { name: /^Amount/ }).click();
    await expect.poll(() => page.url()).toContain('sort=amount');
    await page.getByRole('button', { name: /^Amount/ }).click();
    await expect.poll(async () => (await table.locator('tbody tr').first().innerText())).toContain('Bravo deal');

    await page.getByRole('textbox', { name: 'Stage' }).click();
    await page.getByRole('option', { name: 'proposal' }).click();
    await expect.poll(() => table.innerText()).not.toContain('Alpha deal');
    expect(await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href')).toBe('/api/v1/opportunities/export.csv?stage=proposal&sort=amount&order=desc');

    await page.getByRole('button', { name: 'Columns' }).click();
    await page.getByRole('checkbox', { name: 'Owner' }).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => table.locator('th').allInnerTexts()).not.toContain('Owner');

    await page.getByRole('button', { name: 'Views' }).click();
    await page.getByRole('menuitem', { name: 'Save current view…' }).click();
    await page.getByLabel('Name').fill('Proposals, no owner');
    await page.getByRole('button', { name: 'Save view' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

    await page.goto(`${h.base}/opportunities`);
    await expect.poll(() => table.innerText()).toContain('Alpha deal');
    expect(await table.locator('th').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringMatching(/^Owner/)]));
    await page.getByRole('button', { name: 'Views' }).click();
    await page.getByRole('menuitem', { name: 'Proposals, no owner', exact: true }).click();
    await expect.poll(() => table.innerText()).not.toContain('Alpha deal');
    expect((await table.locator('th').allInnerTexts()).some((t) => t.startsWith('Owner'))).toBe(false);
    expect(page.url()).toContain('stage=proposal');
    await page.context().close();
  });

  it('lists campaigns and touches with links to their records', async () => {
    const page = await h.signedInPage('marketing');
    await page.goto(`${h.base}/campaigns`);
    await expect.poll(() => page.getByRole('table', { name: 'Campaigns' }).innerText()).toContain('Spring webinar');
    await page.goto(`${h.base}/touchpoints?side=sales`);
    const touches = page.getByRole('table', { name: 'Touches' });
    await expect.poll(() => touches.innerText()).toContain('Kim Lister');
    expect(await touches.innerText()).toContain('meeting');
    expect(await touches.innerText()).not.toContain('webinar attended');
    await page.context().close();
  });
});
