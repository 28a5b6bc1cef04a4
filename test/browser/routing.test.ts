import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, startHarness, type Harness } from './harness.js';

/** The routing page: a sales manager adds a territory rule, tests where a lead goes and why, and is told beside the field when a target cannot take leads. */
const available = chromiumAvailable();
let h: Harness;

beforeAll(async () => {
  if (!available) return;
  h = await startHarness();
  const manager = await h.user('sales_manager');
  await h.user('sales_rep');
  const gone = await h.post('/api/v1/users', { email: 'gone@browser.test', name: 'Gone Rep', role: 'sales_rep' });
  expect((await h.env.request('PATCH', `/api/v1/users/${gone.id}`, { active: false })).status).toBe(200);
  // Two rules already stand: France to the manager, then everyone else to the manager.
  await h.post('/api/v1/routing/rules', { name: 'France', kind: 'territory', conditions: { countries: ['FR'] }, targetUserId: manager.id });
  await h.post('/api/v1/routing/rules', { name: 'Everyone else', kind: 'fallback', targetUserId: manager.id });
});
afterAll(async () => { await h?.close(); });

/** Picks an option of a Mantine select by typing into it. */
async function pick(page: Page, input: Locator, typed: string, option: string) {
  await input.click();
  await input.fill(typed);
  await page.getByRole('option', { name: option }).click();
}

/** The error text Mantine shows beside an input (its aria-describedby error element). */
async function errorBeside(page: Page, input: Locator): Promise<string> {
  await expect.poll(() => input.getAttribute('aria-invalid')).toBe('true');
  const describedBy = (await input.getAttribute('aria-describedby')) ?? '';
  return page.locator(`[id="${describedBy.split(' ').find((id) => id.includes('error'))}"]`).innerText();
}

describe.runIf(available)('the routing page', () => {
  it('lets a sales manager add a territory rule and see a lead go to its owner, with the trace', async () => {
    const page = await h.signedInPage('sales_manager');
    await page.goto(`${h.base}/`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Routing' }).click();
    const rules = page.getByRole('table', { name: 'Routing rules' });
    await expect.poll(() => rules.innerText()).toContain('Everyone else');

    await page.getByRole('button', { name: 'New rule' }).click();
    const form = page.getByRole('form', { name: 'New rule' });
    await form.getByLabel('Name').fill('DACH');
    const countries = form.getByRole('textbox', { name: 'Countries' });
    await countries.fill('DE');
    await countries.press('Enter');
    await countries.fill('AT');
    await countries.press('Enter');
    await pick(page, form.getByRole('textbox', { name: 'Target user' }), 'sales rep', 'sales rep tester');
    await form.getByRole('textbox', { name: 'Tried' }).click();
    await page.getByRole('option', { name: 'before 2. Everyone else' }).click();
    await form.getByRole('button', { name: 'Add rule' }).click();
    await expect.poll(() => form.count()).toBe(0);

    // Tried second, between France and the fallback, in words.
    await expect.poll(() => rules.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-rule')))).toEqual(['France', 'DACH', 'Everyone else']);
    const row = await rules.locator('tr[data-rule="DACH"]').innerText();
    expect(row).toContain('country DE or AT');
    expect(row).toContain('sales rep tester');

    await page.getByRole('tab', { name: 'Test' }).click();
    const test = page.getByRole('form', { name: 'Test routing' });
    await test.getByLabel('E-mail').fill('anna@neu-kunde.test');
    await test.getByLabel('Country').fill('DE');
    await test.getByRole('button', { name: 'Where would this go?' }).click();
    const decision = page.getByRole('region', { name: 'Routing decision' });
    await expect.poll(() => decision.innerText().catch(() => '')).toContain('Goes to sales rep tester');
    const text = await decision.innerText();
    expect(text).toContain('Rule: DACH');
    expect(text).toContain('inside the territory (country DE)');
    expect(text).toContain('Accept or reject by');
    const trace = await decision.getByRole('table', { name: 'Rules tried' }).locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].slice(1, 4).map((td) => td.textContent)));
    expect(trace).toEqual([['France', 'Territory', 'no match'], ['DACH', 'Territory', 'matched']]);
    expect(await decision.getByRole('table', { name: 'Rules tried' }).innerText()).toContain('outside the territory: country DE');
    await page.context().close();
  });

  it('shows beside the target field that a disabled user cannot take leads', async () => {
    const page = await h.signedInPage('sales_manager');
    await page.goto(`${h.base}/routing`);
    await page.getByRole('button', { name: 'New rule' }).click();
    const form = page.getByRole('form', { name: 'New rule' });
    await form.getByLabel('Name').fill('Nordics');
    const countries = form.getByRole('textbox', { name: 'Countries' });
    await countries.fill('SE');
    await countries.press('Enter');
    const target = form.getByRole('textbox', { name: 'Target user' });
    await pick(page, target, 'Gone', 'Gone Rep (disabled)');
    await form.getByRole('button', { name: 'Add rule' }).click();
    expect(await errorBeside(page, target)).toContain('Gone Rep is disabled and cannot take leads');
    const rules = (await h.env.request('GET', '/api/v1/routing/rules')).body.map((r: any) => r.name);
    expect(rules).not.toContain('Nordics');
    await page.context().close();
  });

  it('refuses a working calendar without working hours, saying so beside the hours', async () => {
    const page = await h.signedInPage('sales_manager');
    await page.goto(`${h.base}/routing?tab=calendars`);
    await page.getByRole('button', { name: 'New calendar' }).click();
    const dialog = page.getByRole('dialog', { name: 'New working calendar' });
    await dialog.getByLabel('Name').fill('Nobody works');
    for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']) await dialog.getByRole('button', { name: `Remove ${day} range 1` }).click();
    await dialog.getByRole('button', { name: 'Add calendar' }).click();
    await expect.poll(() => dialog.getByRole('group', { name: 'Working hours' }).getByRole('alert').innerText().catch(() => '')).toContain('no working hours');
    await dialog.getByRole('button', { name: 'Add a range on Tuesday' }).click();
    await dialog.getByRole('button', { name: 'Add calendar' }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Working calendars' }).innerText()).toContain('Tue 09:00–17:00');
    await page.context().close();
  });
});
