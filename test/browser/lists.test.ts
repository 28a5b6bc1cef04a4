import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, startHarness, type Harness } from './harness.js';

/** The lists a marketer works in: sort by a header, hide a column, save the view, bring it back. */
const available = chromiumAvailable();
let h: Harness;

beforeAll(async () => {
  if (!available) return;
  h = await startHarness();
  const account = await h.post('/api/v1/accounts', { name: 'Listworthy Inc', domains: ['listworthy.test'] });
  await h.post('/api/v1/opportunities', { accountId: account.id, name: 'Alpha deal', amount: 1000, currency: 'USD', stage: 'discovery', closeDate: '2026-03-15' });
  await h.post('/api/v1/opportunities', { accountId: account.id, name: 'Bravo deal', amount: 9000, currency: 'USD', stage: 'proposal', closeDate: '2026-06-30' });
  await h.post('/api/v1/opportunities', { accountId: account.id, name: 'Charlie deal', amount: 5000, currency: 'USD', stage: 'proposal' });
  const spring = await h.post('/api/v1/campaigns', { name: 'Spring webinar', type: 'webinar', channel: 'webinar', startsOn: '2026-03-01', budget: 2000 });
  await h.post('/api/v1/campaigns', { name: 'Autumn fair', type: 'trade_show', channel: 'event', startsOn: '2026-09-01', budget: 8000 });
  await h.post('/api/v1/campaigns', { name: 'Zeta newsletter', type: 'email', channel: 'email', startsOn: '2026-01-01', budget: 100 });
  await h.post('/api/v1/touchpoints', { touchpoints: [
    { externalId: 'l-1', occurredAt: '2026-05-01T10:00:00Z', kind: 'webinar_attended', email: 'kim@listworthy.test', campaignId: spring.id, person: { firstName: 'Kim', lastName: 'Lister' } },
    { externalId: 'l-2', occurredAt: '2026-05-02T10:00:00Z', kind: 'meeting', email: 'kim@listworthy.test' },
    { externalId: 'l-3', occurredAt: '2026-05-03T10:00:00Z', kind: 'call', email: 'kim@listworthy.test' },
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

  it('sorts and trims the campaigns list, saves it as a view and exports what it shows', async () => {
    const page = await h.signedInPage('marketing');
    await page.goto(`${h.base}/campaigns`);
    const table = page.getByRole('table', { name: 'Campaigns' });
    await expect.poll(() => table.innerText()).toContain('Spring webinar');
    const firstRow = () => table.locator('tbody tr').first().innerText();
    await expect.poll(firstRow).toContain('Autumn fair'); // newest start first
    await page.getByRole('button', { name: /^Campaign/ }).click();
    await expect.poll(() => page.url()).toContain('sort=name&order=asc');
    await expect.poll(firstRow).toContain('Autumn fair');
    await page.getByRole('button', { name: /^Campaign/ }).click();
    await expect.poll(firstRow).toContain('Zeta newsletter');

    await page.getByRole('textbox', { name: 'Type' }).click();
    await page.getByRole('option', { name: 'webinar' }).click();
    await expect.poll(() => table.innerText()).not.toContain('Zeta newsletter');
    expect(await table.innerText()).toContain('Spring webinar');
    expect(await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href')).toBe('/api/v1/campaigns/export.csv?type=webinar&sort=name&order=desc');

    await page.getByRole('button', { name: 'Columns' }).click();
    await page.getByRole('checkbox', { name: 'Budget' }).press('Space');
    await page.keyboard.press('Escape');
    await expect.poll(() => table.locator('th').allInnerTexts()).not.toContain('Budget');

    await page.getByRole('button', { name: 'Views' }).click();
    await page.getByRole('menuitem', { name: 'Save current view…' }).click();
    await page.getByLabel('Name').fill('Webinars');
    await page.getByLabel('Share with everyone').check();
    await page.getByRole('button', { name: 'Save view' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

    // Another user (an exec) sees the shared view, gets its filter and columns back, and cannot change it.
    const other = await h.signedInPage('exec');
    await other.goto(`${h.base}/campaigns`);
    const otherTable = other.getByRole('table', { name: 'Campaigns' });
    await expect.poll(() => otherTable.innerText()).toContain('Zeta newsletter');
    await other.getByRole('button', { name: 'Views' }).click();
    await other.getByRole('menuitem', { name: /^Webinars/ }).click();
    await expect.poll(() => otherTable.innerText()).not.toContain('Zeta newsletter');
    expect(await otherTable.locator('th').allInnerTexts()).not.toContain('Budget');
    expect(await other.getByRole('link', { name: 'Export CSV' }).getAttribute('href')).toContain('type=webinar');
    await other.getByRole('button', { name: 'Views' }).click();
    expect(await other.getByRole('menuitem', { name: 'Manage my views…' }).count()).toBe(0);
    await other.context().close();

    // Its owner deletes it.
    await page.getByRole('button', { name: 'Views' }).click();
    await page.getByRole('menuitem', { name: 'Manage my views…' }).click();
    await page.getByRole('button', { name: 'Delete “Webinars”' }).click();
    await expect.poll(() => page.getByText('You have no saved views of this list.').count()).toBe(1);
    await page.context().close();
  });

  it('filters deals by close date and touches by campaign and day, with links to their records', async () => {
    const page = await h.signedInPage('marketing');
    await page.goto(`${h.base}/opportunities`);
    const deals = page.getByRole('table', { name: 'Opportunities' });
    await expect.poll(() => deals.innerText()).toContain('Alpha deal');
    await page.getByLabel('Closing from').fill('2026-06-01');
    await expect.poll(() => deals.innerText()).not.toContain('Alpha deal');
    expect(await deals.innerText()).toContain('Bravo deal');
    expect(await deals.innerText()).not.toContain('Charlie deal'); // no close date
    expect(await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href')).toContain('closeFrom=2026-06-01');

    await page.goto(`${h.base}/touchpoints?side=sales`);
    const touches = page.getByRole('table', { name: 'Touches' });
    await expect.poll(() => touches.innerText()).toContain('Kim Lister');
    expect(await touches.innerText()).toContain('meeting');
    expect(await touches.innerText()).not.toContain('webinar attended');
    expect(await touches.getByRole('link', { name: 'Kim Lister' }).first().getAttribute('href')).toMatch(/^\/people\//);

    await page.goto(`${h.base}/touchpoints?from=2026-05-02&to=2026-05-02`);
    await expect.poll(() => touches.innerText()).toContain('meeting');
    expect(await touches.innerText()).not.toContain('call');
    expect(await touches.innerText()).not.toContain('webinar attended');

    await page.goto(`${h.base}/touchpoints`);
    await expect.poll(() => touches.innerText()).toContain('call');
    await page.getByRole('textbox', { name: 'Campaign' }).click();
    await page.getByRole('option', { name: 'Spring webinar' }).click();
    await expect.poll(() => touches.innerText()).not.toContain('call');
    expect(await touches.getByRole('link', { name: 'Spring webinar' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href')).toMatch(/campaignId=[0-9a-f-]{36}/);
    await page.context().close();
  });
});
