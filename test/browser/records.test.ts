import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, startHarness, type Harness } from './harness.js';

/** Record pages and the forms that create and edit them, with the API's field errors beside the fields. */
const available = chromiumAvailable();
let h: Harness;
let dealId: string;
let personId: string;

beforeAll(async () => {
  if (!available) return;
  h = await startHarness();
  const rep = await h.user('sales_rep');
  const account = await h.post('/api/v1/accounts', { name: 'Recordable GmbH', domains: ['recordable.test'], ownerId: rep.id });
  personId = (await h.post('/api/v1/people', { email: 'uma@recordable.test', firstName: 'Uma', lastName: 'Buyer', title: 'IT lead', accountId: account.id })).id;
  await h.post('/api/v1/people', { email: 'vic@recordable.test', firstName: 'Vic', lastName: 'Signer', accountId: account.id });
  dealId = (await h.post('/api/v1/opportunities', {
    accountId: account.id, name: 'Recordable platform', amount: 64000, currency: 'EUR', stage: 'proposal', ownerId: rep.id,
    contacts: [{ personId, role: 'champion' }],
  })).id;
});
afterAll(async () => { await h?.close(); });

describe.runIf(available)('records and forms', () => {
  it('shows the API field error next to the field, then creates the campaign', async () => {
    const page = await h.signedInPage('marketing');
    await page.goto(`${h.base}/campaigns`);
    await page.getByRole('button', { name: 'New campaign' }).click();
    const form = page.getByRole('form', { name: 'New campaign' });
    await form.getByLabel('Name').fill('Autumn roadshow');
    await form.getByRole('textbox', { name: 'Type' }).click();
    await page.getByRole('option', { name: 'field event' }).click();
    await form.getByRole('textbox', { name: 'Channel' }).click();
    await page.getByRole('option', { name: 'event', exact: true }).click();
    await form.getByLabel('Starts on').fill('2026-10-10');
    await form.getByLabel('Ends on').fill('2026-10-01');
    await form.getByRole('button', { name: 'Create campaign' }).click();
    const endsOn = form.getByLabel('Ends on');
    await expect.poll(() => endsOn.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await endsOn.getAttribute('aria-describedby')) ?? '';
    const message = await page.locator(`[id="${describedBy.split(' ').find((id) => id.includes('error'))}"]`).innerText();
    expect(message).toBe('ends before it starts');

    await endsOn.fill('2026-10-20');
    await form.getByRole('button', { name: 'Create campaign' }).click();
    await page.waitForURL(/\/campaigns\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByRole('region', { name: 'Campaign' }).innerText().catch(() => '')).toContain('Autumn roadshow');
    await page.context().close();
  });

  it('shows a rep their deal with amount, stage and buying committee, and adds a contact', async () => {
    const page = await h.signedInPage('sales_rep');
    await page.goto(`${h.base}/opportunities/${dealId}`);
    const card = page.getByRole('region', { name: 'Opportunity' });
    await expect.poll(() => card.innerText().catch(() => '')).toContain('Recordable platform');
    expect(await card.innerText()).toContain('€64,000');
    expect(await card.innerText()).toContain('proposal');
    const committee = page.getByRole('table', { name: 'Contact roles' });
    expect(await committee.innerText()).toMatch(/Uma Buyer\s+champion/);
    await page.getByRole('textbox', { name: 'Add a person' }).click();
    await page.getByRole('option', { name: 'Vic Signer' }).click();
    await page.getByRole('textbox', { name: 'Role' }).click();
    await page.getByRole('option', { name: 'economic buyer' }).click();
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => committee.innerText()).toMatch(/Vic Signer\s+economic buyer/);
    const api = await h.env.request('GET', `/api/v1/opportunities/${dealId}`);
    expect(api.body.contacts.map((c: { role: string }) => c.role).sort()).toEqual(['champion', 'economic_buyer']);
    await page.context().close();
  });

  it("edits a person's title from the person page", async () => {
    const page = await h.signedInPage('sales_rep');
    await page.goto(`${h.base}/people/${personId}`);
    await page.getByRole('button', { name: 'Edit' }).click();
    const form = page.getByRole('form', { name: 'Edit person' });
    await form.getByLabel('Title').fill('Head of IT');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Profile' }).innerText()).toContain('Head of IT');
    expect((await h.env.request('GET', `/api/v1/people/${personId}`)).body.title).toBe('Head of IT');
    await page.context().close();
  });
});
