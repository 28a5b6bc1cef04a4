import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../src/domain/shared/context.js';
import type { NormalisedTouch } from '../../src/domain/capture/touchpoint.schema.js';
import { writeOneTouchpoint } from '../../src/domain/capture/write-one-touchpoint.js';
import { writeTouchpoints } from '../../src/domain/capture/write-touchpoints.js';
import { createTestEnv, type TestEnv } from '../support/test-app.js';

let env: TestEnv;
let formCtx: Ctx;
beforeAll(async () => {
  env = await createTestEnv();
  formCtx = { ...env.ctx, actor: { type: 'form', id: 'fast' } };
});
afterAll(async () => { await env?.close(); });

let seq = 0;
const touch = (email: string, person: NormalisedTouch['person'] = null): NormalisedTouch => ({
  externalId: `fast-${++seq}`, occurredAt: new Date(Date.parse('2026-06-01T10:00:00Z') + seq * 60_000).toISOString(),
  kind: 'demo_request', channel: 'web', side: 'marketing', email, personId: null, accountId: null, person,
  campaignId: null, asset: null, properties: { formKey: 'fast' },
});

/** Everything a capture writes about one person, without ids and times that differ by nature. */
async function footprint(email: string) {
  const rows = async (q: ReturnType<typeof sql>) => (await env.handle.db.execute(q)).rows;
  const [person] = await rows(sql`
    select p.first_name, p.last_name, p.title, p.company_name, p.country, p.phone, p.original_source, p.original_channel,
           p.lifecycle_stage, p.created_at = (select min(occurred_at) from touchpoints t where t.person_id = p.id) as created_at_first_touch,
           a.name as account_name, a.country as account_country
    from people p left join accounts a on a.id = p.account_id where p.email = ${email}`);
  const stages = await rows(sql`select s.from_stage, s.to_stage, s.actor_type, s.reason from stage_transitions s join people p on p.id = s.person_id where p.email = ${email}`);
  const touches = await rows(sql`
    select t.kind, t.channel, t.side, t.properties, t.recorded_by, t.account_id is not distinct from p.account_id as on_persons_account
    from touchpoints t join people p on p.id = t.person_id where p.email = ${email}`);
  const audits = await rows(sql`select actor_type, action, after - 'email' as after from audit_log where entity = 'person' and after->>'email' = ${email}`);
  return { person, stages, touches, audits };
}

describe('a single touch written in one statement (form posts)', () => {
  it('writes the same records as the set-based path for a new person at a new company', async () => {
    const details = { firstName: 'Ada', lastName: 'Byte', companyName: 'Fastco', country: 'DE', title: 'CTO', phone: '+49 1' };
    const t1 = touch('ada@fastco-one.example', details), t2 = touch('ada@fastco-set.example', details);
    const one = await writeOneTouchpoint(formCtx, t1);
    const set = await writeTouchpoints(formCtx, [t2]);
    expect(one).toEqual({ ...set, personIds: [expect.any(String)], firstAt: new Map([[one.personIds[0]!, new Date(t1.occurredAt)]]) });
    expect(set.firstAt).toEqual(new Map([[set.personIds[0]!, new Date(t2.occurredAt)]]));
    expect(one).toMatchObject({ created: 1, duplicates: 0, peopleCreated: 1, accountsCreated: 1 });
    const a = await footprint('ada@fastco-one.example');
    expect(a.person).toMatchObject({ first_name: 'Ada', company_name: 'Fastco', account_name: 'Fastco', lifecycle_stage: 'lead', created_at_first_touch: true });
    expect(a.stages).toEqual([{ from_stage: null, to_stage: 'lead', actor_type: 'form', reason: 'first touch captured' }]);
    expect(a.touches).toEqual([expect.objectContaining({ kind: 'demo_request', recorded_by: 'form:fast', on_persons_account: true })]);
    expect(a).toEqual(await footprint('ada@fastco-set.example'));
  });

  it('links a new person to the account that owns the domain, and never a free-mail address', async () => {
    const first = await writeOneTouchpoint(formCtx, touch('one@sharedco.example', { companyName: 'Shared Co' }));
    const second = await writeOneTouchpoint(formCtx, touch('two@sharedco.example', { companyName: 'Shared Co' }));
    expect([first.accountsCreated, second.accountsCreated]).toEqual([1, 0]);
    const { rows } = await env.handle.db.execute<{ n: number }>(sql`select count(distinct account_id)::int as n from people where email like '%@sharedco.example'`);
    expect(rows[0]!.n).toBe(1);
    const free = await writeOneTouchpoint(formCtx, touch('someone@gmail.com', { companyName: 'Own Business' }));
    expect(free).toMatchObject({ peopleCreated: 1, accountsCreated: 0 });
    expect((await footprint('someone@gmail.com')).person).toMatchObject({ account_name: null });
  });

  it('fills blanks on a known person without overwriting, and never duplicates a re-sent touch', async () => {
    await writeOneTouchpoint(formCtx, touch('known@keepco.example', { firstName: 'Kim' }));
    const again = touch('known@keepco.example', { firstName: 'Changed', lastName: 'Keep' });
    const second = await writeOneTouchpoint(formCtx, again);
    expect(second).toMatchObject({ created: 1, peopleCreated: 0, accountsCreated: 0 });
    expect((await footprint('known@keepco.example')).person).toMatchObject({ first_name: 'Kim', last_name: 'Keep' });
    const resent = await writeOneTouchpoint(formCtx, again);
    expect(resent).toMatchObject({ created: 0, duplicates: 1, personIds: [] });
    expect((await footprint('known@keepco.example')).touches).toHaveLength(2);
  });

  it('writes concurrent first posts from one new company into one person per email and one account', async () => {
    const posts = Array.from({ length: 6 }, (_, i) => writeOneTouchpoint(formCtx, touch(`p${i % 3}@raceco.example`, { companyName: 'Race Co' })));
    const results = await Promise.all(posts);
    expect(results.every((r) => r.created === 1)).toBe(true);
    const { rows } = await env.handle.db.execute<{ people: number; accounts: number; touches: number }>(sql`
      select count(distinct p.id)::int as people, count(distinct p.account_id)::int as accounts, count(t.id)::int as touches
      from people p join touchpoints t on t.person_id = p.id where p.email like '%@raceco.example'`);
    expect(rows[0]).toEqual({ people: 3, accounts: 1, touches: 6 });
  });
});

describe('POST /f/{formKey} with the cached form definition', () => {
  it('accepts posts to a form created after an unknown-key post, at once', async () => {
    const before = await env.request('POST', '/f/late-form', { email: 'early@lateco.example' }, { 'x-forwarded-for': '10.9.0.1' });
    expect(before.status).toBe(404);
    expect((await env.request('POST', '/api/v1/forms', { key: 'late-form', name: 'Late', kind: 'contact_sales' })).status).toBe(201);
    const after = await env.request('POST', '/f/late-form', { email: 'early@lateco.example' }, { 'x-forwarded-for': '10.9.0.1' });
    expect(after.status).toBe(201);
    const people = await env.request('GET', '/api/v1/people?q=early@lateco.example');
    expect(people.body.data).toHaveLength(1);
  });
});
