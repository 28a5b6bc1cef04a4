import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../support/test-app.js';

let env: TestEnv;
beforeAll(async () => { env = await createTestEnv({ now: '2026-06-15T12:00:00Z' }); });
afterAll(async () => { await env?.close(); });

const touch = (over: Record<string, unknown> = {}) => ({
  occurredAt: '2026-06-01T09:00:00Z', kind: 'page_view', email: 'ann@northwind.io', ...over,
});

describe('POST /api/v1/touchpoints', () => {
  it('stores touches, upserts the person and creates an account for an unknown corporate domain', async () => {
    const res = await env.request('POST', '/api/v1/touchpoints', { touchpoints: [
      touch({ externalId: 'w-1', person: { firstName: 'Ann', lastName: 'Lee', companyName: 'Northwind' } }),
      touch({ externalId: 'w-2', kind: 'content_download', occurredAt: '2026-06-02T09:00:00Z' }),
      touch({ externalId: 'w-3', email: 'bob@northwind.io' }),
    ] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ accepted: 3, created: 3, duplicates: 0, peopleCreated: 2, accountsCreated: 1 });

    const people = await env.request('GET', '/api/v1/people?q=northwind.io&sort=email&order=asc');
    expect(people.body.data.map((p: { email: string }) => p.email)).toEqual(['ann@northwind.io', 'bob@northwind.io']);
    const ann = people.body.data[0];
    expect(ann).toMatchObject({ firstName: 'Ann', companyName: 'Northwind', originalSource: 'marketing', originalChannel: 'web' });
    expect(ann.accountId).toBe(people.body.data[1].accountId);
    expect(ann.createdAt).toBe('2026-06-01T09:00:00.000Z');

    const account = await env.request('GET', `/api/v1/accounts/${ann.accountId}`);
    expect(account.body).toMatchObject({ name: 'Northwind', domains: ['northwind.io'], counts: { people: 2, touchpoints: 3 } });

    const timeline = await env.request('GET', `/api/v1/people/${ann.id}/touchpoints`);
    expect(timeline.body.data.map((t: { kind: string }) => t.kind)).toEqual(['content_download', 'page_view']);
    expect(timeline.body.data[0]).toMatchObject({ channel: 'content', side: 'marketing', accountId: ann.accountId });
  });

  it('never duplicates a re-sent touch, with or without an externalId', async () => {
    const batch = { touchpoints: [touch({ externalId: 'w-1' }), touch({ kind: 'badge_scan', email: 'cy@contoso.com' })] };
    const first = await env.request('POST', '/api/v1/touchpoints', batch);
    expect(first.body).toMatchObject({ created: 1, duplicates: 1 });
    const again = await env.request('POST', '/api/v1/touchpoints', batch);
    expect(again.body).toMatchObject({ created: 0, duplicates: 2, peopleCreated: 0 });
  });

  it('never matches a free-mail address to an account', async () => {
    await env.request('POST', '/api/v1/touchpoints', { touchpoints: [touch({ email: 'dee@GMAIL.com', externalId: 'fm-1' })] });
    const res = await env.request('GET', '/api/v1/people?q=dee@gmail.com');
    expect(res.body.data).toHaveLength(1);
    expect(res.body.data[0]).toMatchObject({ email: 'dee@gmail.com', accountId: null });
    const accounts = await env.request('GET', '/api/v1/accounts?q=gmail');
    expect(accounts.body.data).toHaveLength(0);
  });

  it('matches a new person to the account that owns the domain', async () => {
    const acc = await env.request('POST', '/api/v1/accounts', { name: 'Fabrikam', domains: ['fabrikam.com', 'fabrikam.de'] });
    expect(acc.status).toBe(201);
    await env.request('POST', '/api/v1/touchpoints', { touchpoints: [touch({ email: 'eve@fabrikam.de', externalId: 'fb-1' })] });
    const res = await env.request('GET', '/api/v1/people?q=eve@');
    expect(res.body.data[0].accountId).toBe(acc.body.id);
  });

  it('credits sales activities to sales by default', async () => {
    const res = await env.request('POST', '/api/v1/touchpoints', { touchpoints: [touch({ kind: 'call', externalId: 'call-1' })] });
    expect(res.status).toBe(201);
    const list = await env.request('GET', '/api/v1/touchpoints?kind=call');
    expect(list.body.data[0]).toMatchObject({ side: 'sales', channel: 'direct_sales' });
  });

  it('refuses the whole batch and names each bad item by path', async () => {
    const res = await env.request('POST', '/api/v1/touchpoints', { touchpoints: [
      touch({ externalId: 'ok-1' }),
      touch({ email: 'not-an-email' }),
      touch({ occurredAt: '2027-01-01T00:00:00Z' }),
      touch({ kind: 'telepathy' }),
      touch({ colour: 'blue' }),
      { occurredAt: '2026-06-01T00:00:00Z', kind: 'page_view' },
    ] });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.code).toBe('validation_failed');
    const paths = res.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining([
      'touchpoints.1.email', 'touchpoints.2.occurredAt', 'touchpoints.3.kind', 'touchpoints.4', 'touchpoints.5.email',
    ]));
    const stored = await env.request('GET', '/api/v1/touchpoints?limit=500');
    expect(stored.body.data.some((t: { externalId: string }) => t.externalId === 'ok-1')).toBe(false);
  });

  it('refuses a batch of 10,001 with batch_too_large', async () => {
    const items = Array.from({ length: 10_001 }, (_, i) => touch({ externalId: `big-${i}` }));
    const res = await env.request('POST', '/api/v1/touchpoints', { touchpoints: items });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('batch_too_large');
  });

  it('answers malformed JSON with invalid_json', async () => {
    const res = await env.request('POST', '/api/v1/touchpoints', '{"touchpoints": [', { 'content-type': 'application/json' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('invalid_json');
  });

  it('names unknown top-level fields and wrong types', async () => {
    const res = await env.request('POST', '/api/v1/touchpoints', { touchpoints: 'many', extra: 1 });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['touchpoints', '(root)']));
  });
});

describe('touchpoints are immutable', () => {
  it('refuses an UPDATE at the database and records a correction instead', async () => {
    await expect(env.handle.pool.query(`update touchpoints set asset = 'x'`)).rejects.toThrow(/immutable/);
    await expect(env.handle.pool.query(`delete from touchpoints`)).rejects.toThrow(/immutable/);

    const list = await env.request('GET', '/api/v1/touchpoints?kind=call');
    const original = list.body.data[0];
    const fix = await env.request('POST', `/api/v1/touchpoints/${original.id}/corrections`, { reason: 'was a meeting', kind: 'meeting' });
    expect(fix.status).toBe(201);
    expect(fix.body).toMatchObject({ correctsId: original.id, kind: 'meeting', side: 'sales' });

    const calls = await env.request('GET', '/api/v1/touchpoints?kind=call');
    expect(calls.body.data).toHaveLength(0);
    const all = await env.request('GET', '/api/v1/touchpoints?kind=call&includeSuperseded=true');
    expect(all.body.data).toHaveLength(1);

    const twice = await env.request('POST', `/api/v1/touchpoints/${original.id}/corrections`, { reason: 'again', kind: 'call' });
    expect(twice.status).toBe(409);
  });

  it('lets only one of two concurrent corrections of the same touch through', async () => {
    const sent = await env.request('POST', '/api/v1/touchpoints', { touchpoints: [touch({ kind: 'call', externalId: 'race-1', email: 'race@northwind.io' })] });
    expect(sent.status).toBe(201);
    const list = await env.request('GET', '/api/v1/touchpoints?kind=call');
    const original = list.body.data.find((t: { externalId: string }) => t.externalId === 'race-1');
    const both = await Promise.all(['first', 'second'].map((who) =>
      env.request('POST', `/api/v1/touchpoints/${original.id}/corrections`, { reason: `${who} fix`, kind: 'meeting' })));
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
  });

  it('refuses a correction of a touch that does not exist (no foreign key: the use case checks it)', async () => {
    const { rows } = await env.handle.pool.query<{ n: number }>(`select count(*)::int as n from touchpoints`);
    const res = await env.request('POST', '/api/v1/touchpoints/987654321/corrections', { reason: 'no such touch', kind: 'meeting' });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 'not_found', detail: 'No touchpoint with id 987654321.' });
    const after = await env.handle.pool.query<{ n: number }>(`select count(*)::int as n from touchpoints`);
    expect(after.rows[0]!.n).toBe(rows[0]!.n);
  });
});
