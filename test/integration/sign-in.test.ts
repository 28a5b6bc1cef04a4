import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/domain/identity/create-user.js';
import { createTestEnv, type TestEnv } from '../support/test-app.js';

let env: TestEnv;
const PASSWORD = 'correct horse battery';
const anon = { authorization: '' };

beforeAll(async () => { env = await createTestEnv(); });
afterAll(async () => { await env?.close(); });

/** Signs in and returns the cookie header and CSRF token a browser would hold. */
async function signIn(email: string, password = PASSWORD) {
  const res = await env.request('POST', '/api/v1/auth/sign-in', { email, password }, anon);
  const cookies = res.headers.getSetCookie();
  const cookie = cookies.map((c) => c.split(';')[0]).join('; ');
  return { res, cookies, cookie, csrf: res.body?.csrfToken as string };
}

describe('signing in', () => {
  it('opens a server-side session with a secure, HttpOnly cookie and a CSRF token', async () => {
    await createUser(env.ctx, { email: 'ada@truce.test', name: 'Ada', role: 'marketing', password: PASSWORD });
    const { res, cookies, cookie } = await signIn('ADA@truce.test');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ role: 'marketing', via: 'session', user: { email: 'ada@truce.test' } });
    expect(res.body.user).not.toHaveProperty('passwordHash');
    const session = cookies.find((c) => c.startsWith('truce_session='))!;
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    expect(cookies.find((c) => c.startsWith('truce_csrf='))).not.toMatch(/HttpOnly/i);
    const me = await env.request('GET', '/api/v1/auth/session', undefined, { ...anon, cookie });
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe('ada@truce.test');
    const { rows } = await env.handle.pool.query('select token_hash from sessions');
    const token = session.split(';')[0]!.split('=')[1]!;
    expect(rows.map((r) => r.token_hash)).not.toContain(token); // only a hash is stored
  });

  it('gives a wrong e-mail and a wrong password the same answer', async () => {
    const wrongPassword = await signIn('ada@truce.test', 'not the password');
    const wrongEmail = await signIn('nobody@truce.test', 'not the password');
    for (const r of [wrongPassword.res, wrongEmail.res]) {
      expect(r.status).toBe(401);
      expect(r.body.code).toBe('invalid_credentials');
    }
    expect(wrongPassword.res.body.detail).toBe(wrongEmail.res.body.detail);
  });

  it('locks a user after five failures in a row, and an admin reset unlocks', async () => {
    const user = await createUser(env.ctx, { email: 'lock@truce.test', name: 'Lock', role: 'sdr', password: PASSWORD });
    for (let i = 0; i < 4; i++) expect((await signIn('lock@truce.test', 'wrong-password')).res.status).toBe(401);
    const fifth = await signIn('lock@truce.test', 'wrong-password');
    expect(fifth.res.status).toBe(423);
    expect(fifth.res.body.code).toBe('account_locked');
    expect((await signIn('lock@truce.test')).res.body.code).toBe('account_locked'); // even the right password
    env.clock.advance(16 * 60_000);
    expect((await signIn('lock@truce.test')).res.status).toBe(200);

    for (let i = 0; i < 5; i++) await signIn('lock@truce.test', 'wrong-password');
    const reset = await env.request('POST', `/api/v1/users/${user.id}/reset-password`, { password: 'a-new-password-1' });
    expect(reset.status).toBe(200);
    expect((await signIn('lock@truce.test', 'a-new-password-1')).res.status).toBe(200);
  });

  it('refuses writes without the session CSRF token, and with a forged one', async () => {
    await createUser(env.ctx, { email: 'csrf@truce.test', name: 'Csrf', role: 'marketing', password: PASSWORD });
    const { cookie, csrf } = await signIn('csrf@truce.test');
    const body = { name: 'Spring webinar', type: 'webinar', channel: 'webinar' };
    const missing = await env.request('POST', '/api/v1/campaigns', body, { ...anon, cookie });
    expect(missing.status).toBe(403);
    expect(missing.body.code).toBe('csrf_failed');
    const forged = await env.request('POST', '/api/v1/campaigns', body, { ...anon, cookie, 'x-csrf-token': 'x'.repeat(csrf.length) });
    expect(forged.body.code).toBe('csrf_failed');
    const ok = await env.request('POST', '/api/v1/campaigns', body, { ...anon, cookie, 'x-csrf-token': csrf });
    expect(ok.status).toBe(201);
  });

  it('refuses forged, expired and signed-out sessions', async () => {
    await createUser(env.ctx, { email: 'exp@truce.test', name: 'Exp', role: 'exec', password: PASSWORD });
    const forged = await env.request('GET', '/api/v1/people', undefined, { ...anon, cookie: 'truce_session=forged-token' });
    expect(forged.status).toBe(401);
    expect(forged.body.code).toBe('session_expired');

    const a = await signIn('exp@truce.test');
    env.clock.advance(11 * 3_600_000);
    expect((await env.request('GET', '/api/v1/people', undefined, { ...anon, cookie: a.cookie })).status).toBe(200); // used: extended
    env.clock.advance(11 * 3_600_000);
    expect((await env.request('GET', '/api/v1/people', undefined, { ...anon, cookie: a.cookie })).status).toBe(200);
    env.clock.advance(12 * 3_600_000 + 1000);
    const idle = await env.request('GET', '/api/v1/people', undefined, { ...anon, cookie: a.cookie });
    expect(idle.body.code).toBe('session_expired');

    const b = await signIn('exp@truce.test');
    const out = await env.request('POST', '/api/v1/auth/sign-out', undefined, { ...anon, cookie: b.cookie, 'x-csrf-token': b.csrf });
    expect(out.status).toBe(204);
    expect((await env.request('GET', '/api/v1/people', undefined, { ...anon, cookie: b.cookie })).body.code).toBe('session_expired');
  });

  it('ends the sessions of a disabled user and refuses their sign-in', async () => {
    const user = await createUser(env.ctx, { email: 'gone@truce.test', name: 'Gone', role: 'sales_rep', password: PASSWORD });
    const s = await signIn('gone@truce.test');
    expect((await env.request('PATCH', `/api/v1/users/${user.id}`, { active: false })).status).toBe(200);
    expect((await env.request('GET', '/api/v1/auth/session', undefined, { ...anon, cookie: s.cookie })).status).toBe(401);
    const again = await signIn('gone@truce.test');
    expect(again.res.status).toBe(403);
    expect(again.res.body.code).toBe('account_disabled');
  });

  it('changes a password only with the current one, and ends the other sessions', async () => {
    await createUser(env.ctx, { email: 'pw@truce.test', name: 'Pw', role: 'product', password: PASSWORD });
    const laptop = await signIn('pw@truce.test');
    const phone = await signIn('pw@truce.test');
    const headers = { ...anon, cookie: laptop.cookie, 'x-csrf-token': laptop.csrf };
    const wrong = await env.request('POST', '/api/v1/auth/password', { currentPassword: 'nope', newPassword: 'brand-new-password' }, headers);
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors[0].path).toBe('currentPassword');
    const short = await env.request('POST', '/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: 'short' }, headers);
    expect(short.status).toBe(422);
    expect(short.body.errors[0].path).toBe('newPassword');
    expect((await env.request('POST', '/api/v1/auth/password', { currentPassword: PASSWORD, newPassword: 'brand-new-password' }, headers)).status).toBe(204);
    expect((await env.request('GET', '/api/v1/auth/session', undefined, { ...anon, cookie: laptop.cookie })).status).toBe(200);
    expect((await env.request('GET', '/api/v1/auth/session', undefined, { ...anon, cookie: phone.cookie })).status).toBe(401);
    expect((await signIn('pw@truce.test')).res.status).toBe(401);
    expect((await signIn('pw@truce.test', 'brand-new-password')).res.status).toBe(200);
  });

  it('never shows a password hash in users, exports or the audit trail', async () => {
    const users = await env.request('GET', '/api/v1/users?limit=500');
    expect(JSON.stringify(users.body)).not.toMatch(/argon2|passwordHash/);
    const csv = await env.request('GET', '/api/v1/users/export.csv');
    expect(csv.text).not.toMatch(/argon2|password/i);
    const audit = await env.request('GET', '/api/v1/audit?limit=500');
    expect(JSON.stringify(audit.body)).not.toMatch(/argon2|passwordHash/);
  });
});
