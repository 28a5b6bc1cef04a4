import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, startHarness, type Harness } from './harness.js';

const available = chromiumAvailable();
let h: Harness;

beforeAll(async () => { if (available) h = await startHarness(); });
afterAll(async () => { await h?.close(); });

describe.runIf(available)('importing people in the web app', () => {
  it('shows the bad row with its reason and lists the imported people', async () => {
    const file = path.join(h.tmp, 'people.csv');
    writeFileSync(file, ['E-mail,First name,Last name,Company', 'grace@hopper.dev,Grace,Hopper,Hopper Dev', 'oops-not-an-email,Bad,Row,', 'alan@turing.dev,Alan,Turing,"Turing Dev, Ltd"'].join('\r\n'));
    const page = await h.signedInPage();
    await page.goto(`${h.base}/import`);
    await page.getByRole('textbox', { name: 'What the file holds' }).click();
    await page.getByRole('option', { name: 'People (leads and contacts)' }).click();
    await page.locator('input[type=file]').setInputFiles(file);

    // The browser's own preview and the suggested mapping, before anything is sent.
    const preview = page.getByRole('table', { name: 'File preview' });
    await expect.poll(() => preview.innerText()).toContain('Turing Dev, Ltd');
    await expect.poll(() => page.getByRole('textbox', { name: 'Field for column E-mail' }).inputValue()).toBe('E-mail *');
    expect(await page.getByRole('textbox', { name: 'Field for column Company' }).inputValue()).toBe('Company');

    await page.getByRole('button', { name: /^Import people\.csv/ }).click();
    const result = page.getByTestId('import-result');
    await expect.poll(() => result.innerText().catch(() => '')).toMatch(/3 rows read · 2 imported · 1 failed/);
    const errors = page.getByRole('table', { name: 'Row errors' });
    expect(await errors.innerText()).toMatch(/3\s+email\s+invalid e-mail address/);
    await expect.poll(() => page.getByRole('table', { name: 'Recent imports' }).innerText().catch(() => '')).toContain('people.csv');
    await page.evaluate('window.scrollTo(0, 0)'); // the fixed header stays in place in a full-page shot
    await page.screenshot({ path: path.join(os.tmpdir(), 'truce-import.png'), fullPage: true });

    await page.getByRole('link', { name: 'People', exact: true }).click();
    const table = page.getByRole('table', { name: 'People' });
    await expect.poll(() => table.innerText()).toContain('grace@hopper.dev');
    expect(await table.innerText()).toContain('alan@turing.dev');
    expect(await table.innerText()).not.toContain('oops-not-an-email');

    // Server-side sort from the column header, and the search box filters (and goes into the export link).
    await page.getByRole('button', { name: /^E-mail/ }).click();
    await expect.poll(() => page.getByRole('columnheader', { name: /E-mail/ }).getAttribute('aria-sort')).toBe('ascending');
    await expect.poll(async () => (await table.locator('tbody tr').first().innerText())).toContain('alan@turing.dev');
    await page.getByLabel('Search', { exact: true }).fill('hopper');
    await expect.poll(() => table.innerText()).not.toContain('alan@turing.dev');
    expect(await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href')).toContain('q=hopper');
    const csv = await h.env.request('GET', '/api/v1/people/export.csv?q=hopper');
    expect(csv.text).toContain('grace@hopper.dev');
    await page.close();
  });

  it('refuses to import until a required field is mapped', async () => {
    const file = path.join(h.tmp, 'no-email.csv');
    writeFileSync(file, 'Name,Phone\nAda,123\n');
    const page = await h.signedInPage();
    await page.goto(`${h.base}/import`);
    await page.locator('input[type=file]').setInputFiles(file);
    await expect.poll(() => page.getByText(/Map a column to E-mail/).count()).toBe(1);
    expect(await page.getByRole('button', { name: /^Import no-email\.csv/ }).isDisabled()).toBe(true);
    await page.close();
  });

  it('opens a person from the list and shows the timeline of touches', async () => {
    const created = await h.env.request('POST', '/api/v1/people', { email: 'ada@lovelace.dev', firstName: 'Ada', lastName: 'Lovelace', title: 'Analyst', seniority: 'director' });
    expect(created.status).toBe(201);
    await h.env.request('POST', '/api/v1/touchpoints', { touchpoints: [
      { externalId: 'b-1', occurredAt: '2026-06-01T10:00:00Z', kind: 'webinar_attended', email: 'ada@lovelace.dev' },
      { externalId: 'b-2', occurredAt: '2026-06-02T10:00:00Z', kind: 'call', email: 'ada@lovelace.dev' },
    ] });
    const page = await h.signedInPage();
    await page.goto(`${h.base}/people`);
    await page.getByRole('link', { name: 'ada@lovelace.dev' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Ada Lovelace' }).count()).toBe(1);
    expect(await page.getByRole('region', { name: 'Profile' }).innerText()).toMatch(/Seniority\s+director/);
    const timeline = page.getByLabel('Timeline of touches');
    await expect.poll(() => timeline.innerText().catch(() => '')).toContain('webinar attended');
    const text = await timeline.innerText();
    expect(text.indexOf('call')).toBeLessThan(text.indexOf('webinar attended')); // newest first
    await page.getByLabel('Filter by side').getByText('sales', { exact: true }).click();
    await expect.poll(() => timeline.innerText()).not.toContain('webinar attended');
    expect(await timeline.innerText()).toContain('call');
    await page.close();
  });

  it('shows the problem detail when a record does not exist', async () => {
    const page = await h.signedInPage();
    await page.goto(`${h.base}/people/00000000-0000-4000-8000-000000000000`);
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.innerText().catch(() => '')).toMatch(/not found|no person/i);
    await page.close();
  });

  it('defines a custom field in the app and shows a bad key next to its field', async () => {
    const page = await h.signedInPage();
    await page.goto(`${h.base}/settings/custom-fields`);
    await page.getByLabel('Key').fill('Bad Key');
    await page.getByLabel('Label').fill('Bad');
    await page.getByRole('button', { name: 'Add field' }).click();
    await expect.poll(() => page.getByText('lower-case letters, digits and _; starts with a letter').count()).toBe(1);
    await page.getByLabel('Key').fill('nps');
    await page.getByLabel('Label').fill('Net promoter score');
    await page.getByRole('button', { name: 'Add field' }).click();
    const table = page.getByRole('table', { name: 'Custom fields' });
    await expect.poll(() => table.innerText()).toContain('Net promoter score');
    const defined = await h.env.request('GET', '/api/v1/custom-fields?entity=person');
    expect(defined.body.data.map((f: { key: string }) => f.key)).toContain('nps');
    await page.close();
  });
});
