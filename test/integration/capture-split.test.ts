import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../support/test-app.js';

/**
 * On PostgreSQL a large batch is written in parts by company, concurrently (`write-in-parts.ts`);
 * on PGlite never. Either way it must store exactly what the batch written in one part stores.
 * `split` splits (TRUCE_CAPTURE_PARTS=2, the default), `whole` never does (=1); both start the same.
 */
let split: TestEnv;
let whole: TestEnv;
const isPostgres = () => split.handle.engine === 'postgres';

beforeAll(async () => {
  [split, whole] = await Promise.all([createTestEnv(), createTestEnv({ config: { captureParts: 1 } })]);
  for (const env of [split, whole]) await setUp(env);
});
afterAll(async () => { await Promise.all([split?.close(), whole?.close()]); });

type Known = { accountId: string; personId: string };
const known = new Map<TestEnv, Known>();

/** A known account (known.example), and known people: some at old.example, one free-mail, one re-sent touch. */
async function setUp(env: TestEnv): Promise<void> {
  const acc = await env.request('POST', '/api/v1/accounts', { name: 'Known Co', domains: ['known.example'] });
  expect(acc.status).toBe(201);
  const first = await env.request('POST', '/api/v1/touchpoints', { touchpoints: [
    ...Array.from({ length: 20 }, (_, i) => ({ externalId: `old-${i}`, occurredAt: '2026-05-01T09:00:00Z', kind: 'page_view', email: `old${i}@old.example` })),
    { externalId: 'old-free', occurredAt: '2026-05-01T09:00:00Z', kind: 'page_view', email: 'old@gmail.com' },
    { externalId: 'resent-1', occurredAt: '2026-05-02T09:00:00Z', kind: 'email_open', email: 'k0@known.example' },
  ] });
  expect(first.body).toMatchObject({ created: 22, peopleCreated: 22, accountsCreated: 1 });
  const person = await env.request('GET', '/api/v1/people?q=old0@old.example');
  known.set(env, { accountId: acc.body.id, personId: person.body.data[0].id });
}

const KINDS = ['page_view', 'email_open', 'email_click', 'content_download', 'webinar_attended'];

/** 3,000 touches: 12 new company domains, the known ones, free-mail, by person id and by account id, a re-send, a repeated id. */
function bigBatch(env: TestEnv): Record<string, unknown>[] {
  const k = known.get(env)!;
  const at = (i: number) => new Date(Date.UTC(2026, 5, 1) + ((i * 7919) % 3_000) * 60_000).toISOString(); // out of order
  const items: Record<string, unknown>[] = Array.from({ length: 2_900 }, (_, i) => {
    const who = i % 10 === 9 ? `k${i % 37}@known.example` : i % 10 === 8 ? `old${i % 20}@old.example` : `p${i % 450}@dom${i % 12}.example`;
    return {
      externalId: `big-${i}`, occurredAt: at(i), kind: KINDS[i % 5], email: who,
      ...(i % 7 === 0 ? { person: { firstName: `F${i}`, lastName: 'Split', title: i % 2 ? 'CTO' : undefined, companyName: `Co ${i % 12}` } } : {}),
    };
  });
  for (let i = 0; i < 40; i++) items.push({ externalId: `free-${i}`, occurredAt: at(i + 11), kind: 'page_view', email: i % 8 === 0 ? 'old@gmail.com' : `free${i % 6}@gmail.com` });
  for (let i = 0; i < 25; i++) items.push({ externalId: `pid-${i}`, occurredAt: at(i + 101), kind: 'call', personId: k.personId });
  for (let i = 0; i < 25; i++) items.push({ externalId: `aid-${i}`, occurredAt: at(i + 201), kind: 'meeting', accountId: k.accountId });
  items.push({ externalId: 'resent-1', occurredAt: '2026-05-02T09:00:00Z', kind: 'email_open', email: 'k0@known.example' });
  // One external id twice, at two different companies: the earlier touch is the one kept.
  items.push({ externalId: 'twice', occurredAt: '2026-06-03T10:00:00Z', kind: 'page_view', email: 'late@dom1.example' });
  items.push({ externalId: 'twice', occurredAt: '2026-06-03T09:00:00Z', kind: 'page_view', email: 'early@dom2.example' });
  for (let i = items.length; i < 3_000; i++) items.push({ externalId: `tail-${i}`, occurredAt: at(i), kind: 'page_view', email: `t${i % 30}@dom${i % 5}.example` });
  return items;
}

/** Everything the batch writes, by natural keys (ids differ between the two databases). */
async function snapshot(env: TestEnv) {
  const q = async (text: string) => (await env.handle.pool.query(text)).rows;
  return {
    people: await q(`select p.email, p.first_name, p.last_name, p.title, p.company_name, p.original_source, p.original_channel,
        p.lifecycle_stage, p.created_at, a.name as account
      from people p left join accounts a on a.id = p.account_id where p.email not like '%@test.example' order by p.email`),
    accounts: await q(`select a.name, a.country, array_agg(d.domain order by d.domain) as domains
      from accounts a left join account_domains d on d.account_id = a.id group by a.id order by a.name`),
    touches: await q(`select t.external_id, t.occurred_at, t.kind, t.channel, t.side, p.email, a.name as account
      from touchpoints t left join people p on p.id = t.person_id left join accounts a on a.id = t.account_id order by t.external_id`),
    transitions: await q(`select p.email, s.from_stage, s.to_stage, s.occurred_at, s.reason
      from stage_transitions s join people p on p.id = s.person_id order by p.email, s.occurred_at`),
    events: await q(`select e.type, p.email, e.occurred_at from events e join people p on p.id::text = e.subject_id::text order by p.email, e.type, e.occurred_at`),
    episodes: await q(`select p.email, f.episode, f.started_at, f.lead_at from funnel_episodes f join people p on p.id = f.person_id order by p.email, f.episode`),
    audit: await q(`select entity, action, count(*)::int as n from audit_log where entity <> 'touchpoint_batch' group by 1, 2 order by 1, 2`),
  };
}

async function batchAudit(env: TestEnv) {
  return (await env.handle.pool.query(`select after from audit_log where entity = 'touchpoint_batch' order by id`)).rows
    .map((r: { after: Record<string, number> }) => r.after);
}

describe('a large batch written in parts', () => {
  it('stores exactly what the batch written whole stores, and a re-send stores nothing', async () => {
    const auditBefore = (await batchAudit(split)).length;
    const [a, b] = await Promise.all([split, whole].map((env) => env.request('POST', '/api/v1/touchpoints', { touchpoints: bigBatch(env) })));
    expect(a!.status, a!.text).toBe(201);
    expect(b!.status, b!.text).toBe(201);
    expect(a!.body).toEqual(b!.body);
    expect(a!.body).toMatchObject({ accepted: 3_000, duplicates: 2, accountsCreated: 12 });

    const [sa, sb] = await Promise.all([snapshot(split), snapshot(whole)]);
    expect(sa).toEqual(sb);
    const twice = sa.touches.find((t: { external_id: string }) => t.external_id === 'twice');
    expect(twice).toMatchObject({ email: 'early@dom2.example' });

    // Split on PostgreSQL (each part audited as part k of 2), never on PGlite.
    const parts = (await batchAudit(split)).slice(auditBefore);
    if (isPostgres()) {
      expect(parts.map((p) => [p.part, p.parts]).sort()).toEqual([[1, 2], [2, 2]]);
      expect(parts.reduce((s, p) => s + p.touches!, 0)).toBe(3_000);
      expect(parts.reduce((s, p) => s + p.created!, 0)).toBe(a!.body.created);
    } else {
      expect(parts).toEqual([{ touches: 3_000, created: a!.body.created, accountsCreated: 12 }]);
    }

    // A re-send creates nothing (it fills blanks on the people it made, from their latest touch
    // with person fields, as any later touch does), in parts as whole.
    const again = await Promise.all([split, whole].map((env) => env.request('POST', '/api/v1/touchpoints', { touchpoints: bigBatch(env) })));
    for (const r of again) expect(r.body).toEqual({ accepted: 3_000, created: 0, duplicates: 3_000, peopleCreated: 0, accountsCreated: 0 });
    const [ra, rb] = await Promise.all([snapshot(split), snapshot(whole)]);
    expect(ra).toEqual(rb);
    for (const table of ['people', 'accounts', 'touches', 'transitions', 'events', 'episodes'] as const) expect(ra[table].length).toBe(sa[table].length);
  });

  it('fails the request when a part fails, keeps the parts committed, and a re-send stores only what is missing', async () => {
    const env = split;
    // A touch the database refuses (a test-only trigger) fails the part holding it.
    await env.handle.pool.query(`
      create function test_refuse_boom() returns trigger language plpgsql as $$
      begin if new.external_id = 'boom' then raise exception 'refused for the test'; end if; return new; end $$;
      create trigger test_refuse_boom before insert on touchpoints for each row execute function test_refuse_boom();`);
    const items = Array.from({ length: 2_400 }, (_, i) => ({
      externalId: i === 5 ? 'boom' : `fail-${i}`, occurredAt: new Date(Date.UTC(2026, 5, 5) + i * 1_000).toISOString(),
      kind: 'page_view', email: `f${i % 300}@fail${i % 8}.example`,
    }));
    const count = async () => (await env.handle.pool.query(`select count(*)::int as n from touchpoints where external_id like 'fail-%' or external_id = 'boom'`)).rows[0].n as number;
    try {
      const res = await env.request('POST', '/api/v1/touchpoints', { touchpoints: items });
      expect(res.status).toBe(500);
      const stored = await count();
      // PostgreSQL: the other part committed; PGlite: one part, nothing stored.
      if (isPostgres()) expect(stored).toBeGreaterThan(0);
      else expect(stored).toBe(0);
      expect(stored).toBeLessThan(2_400);
    } finally {
      await env.handle.pool.query(`drop trigger test_refuse_boom on touchpoints; drop function test_refuse_boom()`);
    }
    const before = await count();
    const again = await env.request('POST', '/api/v1/touchpoints', { touchpoints: items });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ accepted: 2_400, created: 2_400 - before, duplicates: before });
    expect(await count()).toBe(2_400);
  });
});

describe('the connection pool under split batches', () => {
  it('answers eight large batches and reads sent at once on a pool of four, each batch whole', async () => {
    // The test database's pool holds 4 connections: one split batch at a time (2 connections), the others whole.
    expect((split.handle.pool as unknown as { options: { max: number } }).options.max).toBe(4);
    const auditBefore = (await batchAudit(split)).length;
    const batch = (b: number) => ({
      touchpoints: Array.from({ length: 2_500 }, (_, i) => ({
        externalId: `pool-${b}-${i}`, occurredAt: new Date(Date.UTC(2026, 4, 1) + (b * 2_500 + i) * 1_000).toISOString(),
        // People of their own per batch, company domains shared by all eight (each new one created once).
        kind: 'page_view', email: `q${b * 400 + (i % 400)}@shared${(i % 400) % 60}.example`,
      })),
    });
    const writes = Array.from({ length: 8 }, (_, b) => split.request('POST', '/api/v1/touchpoints', batch(b)));
    const reads = Array.from({ length: 6 }, () => split.request('GET', '/api/v1/people?limit=5'));
    const results = await Promise.all([...writes, ...reads]);
    expect(results.map((r) => r.status), results.filter((r) => r.status >= 400).map((r) => r.text).join('\n'))
      .toEqual([...Array(8).fill(201), ...Array(6).fill(200)]);
    expect(results.slice(0, 8).reduce((s, r) => s + r.body.accountsCreated, 0)).toBe(60);
    const { rows } = await split.handle.pool.query(`select
        (select count(*)::int from touchpoints where external_id like 'pool-%') as touches,
        (select count(*)::int from people where email like 'q%@shared%') as people,
        (select count(*)::int from account_domains where domain like 'shared%') as domains`);
    expect(rows[0]).toEqual({ touches: 20_000, people: 3_200, domains: 60 });
    const audits = (await batchAudit(split)).slice(auditBefore);
    const splitParts = audits.filter((a) => a.parts === 2).length;
    if (isPostgres()) {
      expect(splitParts).toBeGreaterThanOrEqual(2); // at least one batch was split …
      expect(audits.length - splitParts).toBeGreaterThanOrEqual(1); // … and at least one found no room and went whole
    } else {
      expect(splitParts).toBe(0);
    }
    expect(audits.reduce((s, a) => s + a.touches!, 0)).toBe(20_000);
  });
});
