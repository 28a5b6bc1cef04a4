import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, startHarness, type Harness } from './harness.js';

const available = chromiumAvailable();
let h: Harness;

beforeAll(async () => { if (available) h = await startHarness(); });
afterAll(async () => { await h?.close(); });

describe.runIf(available)('accounts and forms in the web app', () => {
  it('filters the accounts list and shows an account with its sites, people, opportunities and touches', async () => {
    const parent = await h.post('/api/v1/accounts', { name: 'Initech Group', domains: ['initech.com'], country: 'US' });
    const acme = await h.post('/api/v1/accounts', {
      name: 'Acme Robotics', domains: ['acme-robotics.com', 'acme.io'], industry: 'Manufacturing', employeeCount: 1200,
      annualRevenue: 250000000, country: 'DE', tier: 'tier_1', parentId: parent.id,
    });
    await h.post(`/api/v1/accounts/${acme.id}/sites`, { name: 'Munich plant', city: 'Munich', country: 'DE', headcount: 800, businessUnit: 'Drives' });
    await h.post('/api/v1/people', { email: 'erin@acme-robotics.com', firstName: 'Erin', lastName: 'Engineer', accountId: acme.id, buyingRole: 'champion' });
    await h.post('/api/v1/opportunities', { accountId: acme.id, name: 'Acme line 3 retrofit', amount: 120000, currency: 'EUR', stage: 'proposal' });
    await h.env.request('POST', '/api/v1/touchpoints', { touchpoints: [
      { externalId: 'acme-1', occurredAt: '2026-05-01T10:00:00Z', kind: 'meeting', email: 'erin@acme-robotics.com' },
    ] });

    const page = await h.signedInPage();
    await page.goto(`${h.base}/accounts`);
    const list = page.getByRole('table', { name: 'Accounts' });
    await expect.poll(() => list.innerText()).toContain('Initech Group');
    await page.getByRole('textbox', { name: 'Tier' }).click();
    await page.getByRole('option', { name: 'tier 1' }).click();
    await expect.poll(() => list.innerText()).not.toContain('Initech Group');
    expect(page.url()).toContain('tier=tier_1');
    expect(await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href')).toBe('/api/v1/accounts/export.csv?tier=tier_1&sort=name&order=asc');

    await page.getByRole('link', { name: 'Acme Robotics' }).click();
    const header = page.getByRole('region', { name: 'Account' });
    await expect.poll(() => header.innerText().catch(() => '')).toContain('acme-robotics.com, acme.io');
    expect(await header.innerText()).toMatch(/Parent\s+Initech Group/);
    await expect.poll(() => page.getByRole('table', { name: 'Sites' }).innerText()).toMatch(/Munich plant\s+Munich\s+DE\s+800\s+Drives/);

    await page.getByRole('tab', { name: /People/ }).click();
    await expect.poll(() => page.getByRole('table', { name: 'People at this account' }).innerText().catch(() => '')).toMatch(/Erin Engineer[\s\S]*champion/);
    await page.getByRole('tab', { name: /Opportunities/ }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Opportunities' }).innerText().catch(() => '')).toMatch(/Acme line 3 retrofit[\s\S]*proposal[\s\S]*open/i);
    await page.getByRole('tab', { name: /Touches/ }).click();
    await expect.poll(() => page.getByLabel('Timeline of touches').innerText().catch(() => '')).toContain('meeting');
    await page.screenshot({ path: '/tmp/truce-account.png' });

    // The parent link goes up the hierarchy; the subsidiary links back down.
    await header.getByRole('link', { name: 'Initech Group' }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Account' }).innerText().catch(() => '')).toMatch(/Subsidiaries\s+Acme Robotics/);
    await page.close();
  });

  it('lists website forms with their HTML snippet to copy', async () => {
    await h.post('/api/v1/forms', { key: 'contact-us', name: 'Contact us', kind: 'contact_sales' });
    const page = await h.signedInPage();
    await page.goto(`${h.base}/forms`);
    const snippet = page.getByLabel('HTML snippet for Contact us', { exact: true });
    await expect.poll(() => snippet.innerText().catch(() => '')).toContain('<form');
    expect(await snippet.innerText()).toContain('/f/contact-us');
    expect(await page.getByRole('button', { name: 'Copy the HTML snippet for Contact us' }).isVisible()).toBe(true);
    await page.close();
  });
});
