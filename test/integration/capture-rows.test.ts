import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateTouchpoints } from '../../src/domain/capture/validate-touchpoints.js';
import { writeTouchpoints } from '../../src/domain/capture/write-touchpoints.js';
import { createTestEnv, type TestEnv } from '../support/test-app.js';

/**
 * The rows a batch writes, whichever way its touches reach the table (on PostgreSQL by COPY
 * straight into touchpoints once the people are known, else, and on PGlite, staged and inserted
 * with one statement): each touch's person and account, the batch's audit row, and what the
 * write reports for scoring (each person's earliest touch stored now).
 */
let env: TestEnv;
beforeAll(async () => { env = await createTestEnv({ now: '2026-06-15T12:00:00Z' }); });
afterAll(async () => { await env?.close(); });

async function write(items: Record<string, unknown>[]) {
  const { valid, issues } = await validateTouchpoints(env.ctx, items);
  expect(issues).toEqual([]);
  return writeTouchpoints(env.ctx, valid);
}

async function touches(prefix: string) {
  const { rows } = await env.handle.pool.query(
    `select t.id, t.external_id, t.occurred_at, p.email, t.person_id, t.account_id, t.recorded_by, t.properties
     from touchpoints t left join people p on p.id = t.person_id where t.external_id like $1 order by t.id`, [`${prefix}%`]);
  return rows as { id: string; external_id: string; occurred_at: Date; email: string | null; person_id: string | null; account_id: string | null; recorded_by: string; properties: unknown }[];
}

async function lastBatchAudit() {
  const { rows } = await env.handle.pool.query(`select after from audit_log where entity = 'touchpoint_batch' order by id desc limit 1`);
  return rows[0].after as Record<string, number>;
}

describe('the rows a batch writes', () => {
  it('gives each touch its person and account, and reports each person\'s earliest new touch', async () => {
    const acc = await env.request('POST', '/api/v1/accounts', { name: 'Known', domains: ['known.example'] });
    const person = await env.request('POST', '/api/v1/people', { email: 'kim@known.example' });
    expect(person.body.accountId).toBe(acc.body.id);
    const other = await env.request('POST', '/api/v1/accounts', { name: 'Other', domains: ['other.example'] });
    const r = await write([
      { externalId: 'rw-3', occurredAt: '2026-06-03T09:00:00Z', kind: 'page_view', email: 'ann@newco.example', properties: { path: '/a\tb' } },
      { externalId: 'rw-1', occurredAt: '2026-06-01T09:00:00Z', kind: 'page_view', email: 'ann@newco.example' },
      { externalId: 'rw-2', occurredAt: '2026-06-02T09:00:00Z', kind: 'call', personId: person.body.id },
      { externalId: 'rw-4', occurredAt: '2026-06-02T09:30:00Z', kind: 'meeting', accountId: other.body.id },
      { externalId: 'rw-5', occurredAt: '2026-06-04T09:00:00Z', kind: 'page_view', email: 'dee@gmail.com' },
      // A person named by id and by an e-mail: the id is the person, the e-mail's person gives the account.
      { externalId: 'rw-6', occurredAt: '2026-06-05T09:00:00Z', kind: 'page_view', personId: person.body.id, email: 'bo@other.example' },
    ]);
    expect(r).toMatchObject({ created: 6, duplicates: 0, peopleCreated: 3, accountsCreated: 1 });
    const rows = await touches('rw-');
    expect(rows.map((t) => t.external_id).sort()).toEqual(['rw-1', 'rw-2', 'rw-3', 'rw-4', 'rw-5', 'rw-6']);
    const by = Object.fromEntries(rows.map((t) => [t.external_id, t]));
    // A person's touches are numbered in the order they happened (a batch as a whole is numbered
    // by time on PGlite, by company and person on PostgreSQL: readers order by time).
    expect(Number(by['rw-1']!.id)).toBeLessThan(Number(by['rw-3']!.id));
    const ann = by['rw-1']!;
    expect(ann.email).toBe('ann@newco.example');
    expect(ann.account_id).not.toBeNull();
    expect(by['rw-3']).toMatchObject({ person_id: ann.person_id, account_id: ann.account_id, properties: { path: '/a\tb' } });
    expect(by['rw-2']).toMatchObject({ person_id: person.body.id, account_id: acc.body.id });
    expect(by['rw-4']).toMatchObject({ person_id: null, account_id: other.body.id });
    expect(by['rw-5']).toMatchObject({ email: 'dee@gmail.com', account_id: null });
    expect(by['rw-6']).toMatchObject({ person_id: person.body.id, account_id: other.body.id });
    expect(rows.every((t) => t.recorded_by === 'system')).toBe(true);
    expect(new Set(r.personIds)).toEqual(new Set([ann.person_id, person.body.id, by['rw-5']!.person_id]));
    expect(r.firstAt.get(ann.person_id!)).toEqual(new Date('2026-06-01T09:00:00Z'));
    expect(r.firstAt.get(person.body.id)).toEqual(new Date('2026-06-02T09:00:00Z'));
    expect(await lastBatchAudit()).toEqual({ touches: 6, created: 6, accountsCreated: 1 });
  });

  it('stores only what is missing from a batch sent again, and the earliest of an external id repeated in a batch', async () => {
    await write([{ externalId: 'rs-1', occurredAt: '2026-06-01T09:00:00Z', kind: 'page_view', email: 'cy@resend.example' }]);
    const r = await write([
      { externalId: 'rs-1', occurredAt: '2026-06-01T09:00:00Z', kind: 'page_view', email: 'cy@resend.example' },
      { externalId: 'rs-2', occurredAt: '2026-06-02T09:00:00Z', kind: 'page_view', email: 'cy@resend.example' },
    ]);
    expect(r).toMatchObject({ created: 1, duplicates: 1, peopleCreated: 0 });
    expect(r.firstAt.get(r.personIds[0]!)).toEqual(new Date('2026-06-02T09:00:00Z'));
    expect(await lastBatchAudit()).toEqual({ touches: 2, created: 1, accountsCreated: 0 });

    const twice = await write([
      { externalId: 'tw-1', occurredAt: '2026-06-03T10:00:00Z', kind: 'page_view', email: 'late@twice.example' },
      { externalId: 'tw-1', occurredAt: '2026-06-03T09:00:00Z', kind: 'email_open', email: 'early@twice.example' },
    ]);
    expect(twice).toMatchObject({ created: 1, duplicates: 1, peopleCreated: 2 });
    expect((await touches('tw-')).map((t) => t.email)).toEqual(['early@twice.example']);
  });
});
