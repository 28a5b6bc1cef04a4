import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, startHarness, type Harness } from './harness.js';

/** An admin's day: people who may sign in, keys for integrations, and the trail of who did what. */
const available = chromiumAvailable();
let h: Harness;

beforeAll(async () => { if (available) h = await startHarness(); });
afterAll(async () => { await h?.close(); });

describe.runIf(available)('administration', () => {
  it('creates a user (a short password is refused beside its field), disables them, and the audit trail shows who', async () => {
    const page = await h.signedInPage('admin');
    await page.goto(`${h.base}/admin/users`);
    await page.getByRole('button', { name: 'New user' }).click();
    const form = page.getByRole('form', { name: 'New user' });
    await form.getByLabel('E-mail').fill('nora@admin.test');
    await form.getByLabel('Name').fill('Nora Newhire');
    await form.getByRole('textbox', { name: 'Role' }).click();
    await page.getByRole('option', { name: 'Account executive' }).click();
    const password = form.getByLabel('Initial password');
    await password.fill('short');
    await form.getByRole('button', { name: 'Create user' }).click();
    const passwordField = form.locator('[data-error="true"]').filter({ has: page.getByText('Initial password', { exact: true }) });
    await expect.poll(() => passwordField.innerText().catch(() => '')).toContain('at least 10 characters');
    await password.fill('a-long-enough-password');
    await form.getByRole('button', { name: 'Create user' }).click();
    const table = page.getByRole('table', { name: 'Users' });
    await expect.poll(() => table.innerText()).toContain('nora@admin.test');

    await page.getByRole('button', { name: 'Reset the password of Nora Newhire' }).click();
    const reset = page.getByRole('form', { name: 'Reset password' });
    const newPassword = reset.getByLabel('New password');
    await newPassword.fill('tiny');
    await reset.getByRole('button', { name: 'Reset password' }).click();
    await expect.poll(() => newPassword.getAttribute('aria-invalid')).toBe('true');
    expect(await reset.innerText()).toContain('at least 10 characters');
    await newPassword.fill('a-chosen-new-password');
    await reset.getByRole('button', { name: 'Reset password' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reset the password of Nora Newhire' });
    await expect.poll(() => dialog.innerText().catch(() => '')).toContain('a-chosen-new-password');
    expect(await dialog.innerText()).toContain('All of their sessions were ended');
    const signIn = await h.env.request('POST', '/api/v1/auth/sign-in', { email: 'nora@admin.test', password: 'a-chosen-new-password' });
    expect(signIn.status).toBe(200);
    await dialog.getByRole('button', { name: 'Done' }).click();

    await page.getByRole('button', { name: 'Disable Nora Newhire' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Enable Nora Newhire' }).count()).toBe(1);
    const nora = (await h.env.request('GET', '/api/v1/users?q=nora')).body.data[0];
    expect(nora.active).toBe(false);

    await page.goto(`${h.base}/admin/audit?entity=user&entityId=${nora.id}`);
    const trail = page.getByRole('table', { name: 'Audit trail' });
    await expect.poll(() => trail.innerText()).toContain('create');
    expect(await trail.innerText()).toContain('admin tester (user)');
    expect(await trail.innerText()).toContain('disable');
    expect(await trail.innerText()).toContain('reset_password');

    // Nora reset nobody's password; the admin did.
    await page.goto(`${h.base}/admin/audit?action=reset_password`);
    const actor = page.getByRole('textbox', { name: 'Actor', exact: true });
    await actor.fill('Nora');
    await page.getByRole('option', { name: 'Nora Newhire' }).click();
    await expect.poll(() => page.url()).toContain(`actorId=${nora.id}`);
    await expect.poll(() => page.getByText('Nothing matches these filters.').count()).toBe(1);
    await actor.click();
    await actor.fill('admin tester');
    await page.getByRole('option', { name: 'admin tester' }).click();
    await expect.poll(() => trail.innerText().catch(() => '')).toContain('reset_password');
    expect(await trail.innerText()).toContain(nora.id);
    await page.context().close();
  });

  it('lists teams and creates one', async () => {
    const page = await h.signedInPage('admin');
    await page.goto(`${h.base}/admin/users`);
    await page.getByRole('button', { name: 'Teams' }).click();
    await page.getByRole('button', { name: 'New team' }).click();
    const form = page.getByRole('form', { name: 'New team' });
    await form.getByLabel('Name').fill('Field marketing');
    await form.getByRole('textbox', { name: 'Kind' }).click();
    await page.getByRole('option', { name: 'marketing' }).click();
    await form.getByRole('button', { name: 'Create team' }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Teams' }).innerText()).toContain('Field marketing');
    expect((await h.env.request('GET', '/api/v1/teams')).body.data.map((t: { name: string }) => t.name)).toContain('Field marketing');
    await page.context().close();
  });

  it('shows a new API key once, lists it without the secret, and revokes it', async () => {
    const page = await h.signedInPage('admin');
    await page.goto(`${h.base}/admin/api-keys`);
    await page.getByRole('button', { name: 'New API key' }).click();
    const form = page.getByRole('form', { name: 'New API key' });
    await form.getByLabel('What uses it').fill('Warehouse sync');
    await form.getByRole('textbox', { name: 'Role' }).click();
    await page.getByRole('option', { name: 'Marketing' }).click();
    await form.getByRole('button', { name: 'Create key' }).click();
    const shown = page.getByLabel('New API key');
    await expect.poll(() => shown.innerText().catch(() => '')).toMatch(/^truce_[a-z0-9]{8}_/);
    const token = (await shown.innerText()).trim();
    expect((await h.env.request('GET', '/api/v1/people', undefined, { authorization: `Bearer ${token}` })).status).toBe(200);
    await page.getByRole('button', { name: 'I have stored it' }).click();
    const keys = page.getByRole('table', { name: 'API keys' });
    await expect.poll(() => keys.innerText()).toContain('Warehouse sync');
    expect(await page.content()).not.toContain(token);

    await page.getByRole('button', { name: 'Revoke Warehouse sync' }).click();
    await page.getByRole('button', { name: 'Revoke key' }).click();
    await expect.poll(() => keys.innerText()).toMatch(/Warehouse sync[\s\S]*revoked/i);
    expect((await h.env.request('GET', '/api/v1/people', undefined, { authorization: `Bearer ${token}` })).status).toBe(401);
    await page.context().close();
  });

  it('gives a marketer the user directory read-only, and "Access denied" on the keys', async () => {
    const page = await h.signedInPage('marketing');
    await page.goto(`${h.base}/admin/users`);
    await expect.poll(() => page.getByRole('table', { name: 'Users' }).innerText().catch(() => '')).toContain('admin tester');
    expect(await page.getByRole('button', { name: 'New user' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Disable / }).count()).toBe(0);
    await page.goto(`${h.base}/admin/api-keys`);
    await expect.poll(() => page.getByRole('alert').first().innerText().catch(() => '')).toContain('Access denied');
    expect(await page.getByRole('navigation', { name: 'Main' }).innerText()).not.toContain('API keys');
    await page.context().close();
  });
});
