import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../../src/http/openapi-document.js';
import { createTestEnv, type TestEnv } from '../support/test-app.js';

let env: TestEnv;
const anon = { authorization: '' };

beforeAll(async () => { env = await createTestEnv(); });
afterAll(async () => { await env?.close(); });

describe('API keys', () => {
  it('are shown once, stored hashed, scoped to a role, with their last use', async () => {
    const marketer = await env.actAs('marketing');
    const created = await env.request('POST', '/api/v1/api-keys', { name: 'Website CMS', role: 'marketing', userId: marketer.user.id });
    expect(created.status).toBe(201);
    const token: string = created.body.token;
    expect(token).toMatch(/^truce_[a-z0-9]{8}_/);
    const { rows } = await env.handle.pool.query('select secret_hash from api_keys where id = $1', [created.body.id]);
    expect(rows[0].secret_hash).not.toContain(token.slice(15));

    const auth = { authorization: `Bearer ${token}` };
    const me = await env.request('GET', '/api/v1/auth/session', undefined, auth);
    expect(me.body).toMatchObject({ role: 'marketing', via: 'api_key', csrfToken: null });
    // The key carries marketing's rights: campaigns yes, deals no.
    expect((await env.request('POST', '/api/v1/campaigns', { name: 'Key campaign', type: 'webinar', channel: 'webinar' }, auth)).status).toBe(201);
    const deal = await env.request('POST', '/api/v1/opportunities', { accountId: '00000000-0000-4000-8000-000000000000', name: 'x', amount: 1, currency: 'EUR' }, auth);
    expect(deal.status).toBe(403);
    expect(deal.body.code).toBe('forbidden');

    const listed = await env.request('GET', '/api/v1/api-keys');
    const row = listed.body.data.find((k: { id: string }) => k.id === created.body.id);
    expect(row).toMatchObject({ name: 'Website CMS', role: 'marketing', userName: marketer.user.name, revokedAt: null });
    expect(row.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(listed.body)).not.toContain(token);
    expect(JSON.stringify(listed.body)).not.toMatch(/secretHash/);
  });

  it('records the key as the actor of its changes in the audit trail', async () => {
    const created = await env.request('POST', '/api/v1/api-keys', { name: 'Sync job', role: 'marketing' });
    const person = await env.request('POST', '/api/v1/people', { email: 'keyed@audit.test' }, { authorization: `Bearer ${created.body.token}` });
    expect(person.status).toBe(201);
    const audit = await env.request('GET', `/api/v1/audit?entity=person&entityId=${person.body.id}`);
    expect(audit.body.data[0]).toMatchObject({ action: 'create', actorType: 'api_key', actorId: created.body.id });
  });

  it('stop working the moment they are revoked; a malformed key is refused alike', async () => {
    const created = await env.request('POST', '/api/v1/api-keys', { name: 'Short-lived', role: 'exec' });
    const auth = { authorization: `Bearer ${created.body.token}` };
    expect((await env.request('GET', '/api/v1/people', undefined, auth)).status).toBe(200);
    expect((await env.request('DELETE', `/api/v1/api-keys/${created.body.id}`)).status).toBe(204);
    const after = await env.request('GET', '/api/v1/people', undefined, auth);
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('invalid_api_key');
    const bad = await env.request('GET', '/api/v1/people', undefined, { authorization: 'Bearer truce_nope' });
    expect(bad.body.code).toBe('invalid_api_key');
    const tampered = await env.request('GET', '/api/v1/people', undefined, { authorization: `Bearer ${created.body.token.slice(0, -2)}xx` });
    expect(tampered.status).toBe(401);
  });

  it('can only be made by admins', async () => {
    const rep = await env.actAs('sales_rep');
    const res = await rep.request('POST', '/api/v1/api-keys', { name: 'mine', role: 'admin' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('forbidden');
  });
});

describe('every API route needs a session or a key', () => {
  it('answers 401 sign_in_required on every /api/v1 operation but sign-in, without credentials', async () => {
    const doc = openApiDocument() as unknown as { paths: Record<string, Record<string, { security?: unknown[] }>> };
    const open: string[] = [];
    const checked: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const url = path.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'kind' ? 'people' : name === 'formKey' ? 'contact' : '00000000-0000-4000-8000-000000000000'));
        if (!path.startsWith('/api/v1/')) {
          expect(path, 'only public forms live outside /api/v1').toMatch(/^\/f\//);
          expect(op.security).toEqual([]);
          continue;
        }
        const res = await env.request(method.toUpperCase(), url, method === 'get' ? undefined : {}, anon);
        if (res.status !== 401) open.push(`${method.toUpperCase()} ${path} → ${res.status}`);
        else expect(res.body.code, `${method} ${path}`).toBe('sign_in_required');
        checked.push(`${method} ${path}`);
      }
    }
    expect(open).toEqual(['POST /api/v1/auth/sign-in → 422']);
    expect(checked.length).toBeGreaterThan(40);
  });

  it('keeps health, the OpenAPI document and the docs public', async () => {
    for (const path of ['/healthz', '/api/openapi.json', '/docs']) expect((await env.request('GET', path, undefined, anon)).status, path).toBe(200);
  });
});
