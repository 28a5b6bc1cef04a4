import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo, isDatabaseEmpty, type DemoSummary } from '../../src/demo/load-demo.js';
import { DEMO_PASSWORD, DEMO_SIGN_INS } from '../../src/demo/demo-credentials.js';
import { createTestEnv, type TestEnv } from '../support/test-app.js';

const NOW = new Date('2026-06-15T00:00:00Z');
let a: TestEnv;
let b: TestEnv;
let summary: DemoSummary;
let emptyBefore: boolean;
beforeAll(async () => {
  [a, b] = await Promise.all([createTestEnv(), createTestEnv()]);
  emptyBefore = await isDatabaseEmpty(a.handle);
  summary = await loadDemo(a.handle, { scale: 'tiny', seed: 7, now: NOW });
  await loadDemo(b.handle, { scale: 'tiny', seed: 7, now: NOW });
});
afterAll(async () => { await Promise.all([a?.close(), b?.close()]); });

const rows = async (env: TestEnv, text: string) => (await env.handle.pool.query(text)).rows;
const one = async (env: TestEnv, text: string) => (await rows(env, text))[0];

describe('demo company', () => {
  it('is the same company for the same seed and day', async () => {
    const fingerprints = [
      `select count(*)::int as n, md5(string_agg(id || email || lifecycle_stage || created_at::text || coalesce(account_id::text, ''), ',' order by id)) as f from people`,
      `select count(*)::int as n, md5(string_agg(external_id || kind || occurred_at::text || coalesce(campaign_id::text, ''), ',' order by external_id)) as f from touchpoints`,
      `select count(*)::int as n, md5(string_agg(person_id || to_stage || occurred_at::text, ',' order by person_id, occurred_at, to_stage)) as f from stage_transitions`,
      `select count(*)::int as n, md5(string_agg(id || amount::text || stage || coalesce(owner_id::text, ''), ',' order by id)) as f from opportunities`,
      `select count(*)::int as n, md5(string_agg(id || name || coalesce(parent_id::text, '') || coalesce(tier, ''), ',' order by id)) as f from accounts`,
    ];
    for (const q of fingerprints) expect(await one(a, q)).toEqual(await one(b, q));
  });

  it('reports what it loaded and records it in the settings', async () => {
    expect(emptyBefore).toBe(true);
    expect(await isDatabaseEmpty(a.handle)).toBe(false);
    const { value } = await one(a, `select value from settings where key = 'demo'`);
    expect(value).toMatchObject({ seed: 7, scale: 'tiny', counts: summary.counts });
    expect(typeof value.loadedAt).toBe('string');
    const counted = await one(a, `select (select count(*) from people)::int as people, (select count(*) from touchpoints)::int as touchpoints,
      (select count(*) from accounts)::int as accounts, (select count(*) from opportunities)::int as opportunities`);
    expect(counted).toEqual({ people: summary.counts.people, touchpoints: summary.counts.touchpoints, accounts: summary.counts.accounts, opportunities: summary.counts.opportunities });
    expect(counted.accounts).toBe(50);
    expect(counted.people).toBeGreaterThan(400);
    expect(counted.people).toBeLessThan(650);
    expect(counted.touchpoints / counted.people).toBeGreaterThan(8);
    expect(counted.touchpoints / counted.people).toBeLessThan(18);
  });

  it('has a sales team, a marketing team and a user behind every demo sign-in', async () => {
    const byRole = Object.fromEntries((await rows(a, `select role, count(*)::int as n from users where email like '%@truce.demo' group by role`)).map((r) => [r.role, r.n]));
    expect(byRole).toMatchObject({ admin: 1, exec: 1, product: 1, marketing: 6, sdr: 8, sales_rep: 18 });
    expect(byRole.sales_manager).toBeGreaterThanOrEqual(3);
    const emails = (await rows(a, `select email, role from users`)).map((r) => `${r.email} ${r.role}`);
    for (const s of DEMO_SIGN_INS) expect(emails).toContain(`${s.email} ${s.role}`);
    for (const s of DEMO_SIGN_INS) {
      const res = await a.request('POST', '/api/v1/auth/sign-in', { email: s.email, password: DEMO_PASSWORD }, { authorization: '' });
      expect(res.status, s.email).toBe(200);
      expect(res.body.role).toBe(s.role);
    }
    const [orphans] = await rows(a, `select count(*)::int as n from users where role not in ('admin', 'exec') and manager_id is null`);
    expect(orphans.n).toBe(0);
    const [unmanaged] = await rows(a, `select count(*)::int as n from teams where manager_id is null`);
    expect(unmanaged.n).toBe(0);
  });

  it('names accounts with sites, tiers owned in their territory, and a few subsidiaries', async () => {
    const acc = await one(a, `select count(*)::int as n, count(*) filter (where tier = 'tier_1')::int as t1,
      count(*) filter (where tier = 'tier_1' and owner_id is null)::int as t1_unowned, count(parent_id)::int as subs from accounts`);
    expect(acc.t1).toBeGreaterThanOrEqual(1);
    expect(acc.t1_unowned).toBe(0);
    expect(acc.subs).toBeLessThan(acc.n * 0.15);
    const [wrongTerritory] = await rows(a, `select count(*)::int as n from accounts a join users u on u.id = a.owner_id
      join teams t on t.id = u.team_id where a.tier = 'tier_1' and t.name <> 'Sales ' || a.region`);
    expect(wrongTerritory.n).toBe(0);
    const sites = await one(a, `select min(n)::int as lo, max(n)::int as hi from (select a.id, count(s.id) as n from accounts a left join sites s on s.account_id = a.id group by a.id) x`);
    expect(sites.lo).toBeGreaterThanOrEqual(1);
    expect(sites.hi).toBeLessThanOrEqual(6);
  });

  it('gives every corporate e-mail the domain of its account, and free-mail people no account', async () => {
    const bad = await one(a, `
      select count(*)::int as n from people p
      where (p.account_id is not null and not exists (select 1 from account_domains d where d.account_id = p.account_id and d.domain = split_part(p.email, '@', 2)))
         or (p.account_id is null and not exists (select 1 from free_mail_domains f where f.domain = split_part(p.email, '@', 2)))`);
    expect(bad.n).toBe(0);
    const free = await one(a, `select count(*) filter (where account_id is null)::float / count(*) as share from people`);
    expect(free.share).toBeGreaterThan(0.02);
    expect(free.share).toBeLessThan(0.1);
  });

  it('follows the funnel of DOMAIN.md within the noise of a small company', async () => {
    const f = await one(a, `select
        count(*) filter (where to_stage = 'lead')::float as leads,
        count(*) filter (where to_stage = 'mql' and not is_reentry)::float as mql,
        count(*) filter (where to_stage = 'mql')::float as mql_all,
        count(*) filter (where to_stage = 'sal')::float as sal,
        count(*) filter (where to_stage = 'sql')::float as sql,
        count(*) filter (where to_stage = 'opportunity')::float as opp,
        count(*) filter (where is_reentry)::int as boomerangs from stage_transitions`);
    expect(f.mql / f.leads).toBeGreaterThan(0.17);
    expect(f.mql / f.leads).toBeLessThan(0.33);
    expect(f.sal / f.mql_all).toBeGreaterThan(0.35);
    expect(f.sal / f.mql_all).toBeLessThan(0.67);
    expect(f.sql / f.sal).toBeGreaterThan(0.4);
    expect(f.sql / f.sal).toBeLessThan(0.8);
    expect(f.opp / f.sql).toBeGreaterThan(0.45);
    expect(f.opp / f.sql).toBeLessThan(0.9);
    expect(f.boomerangs).toBeGreaterThan(0);
  });

  it('wins about a quarter of closed deals, on accounts, with contacts and reasons', async () => {
    const o = await one(a, `select count(*)::int as n, count(*) filter (where is_won)::float as won, count(*) filter (where is_won is not null)::float as closed,
      count(*) filter (where is_won = false and lost_reason is null)::int as lost_without_reason,
      count(*) filter (where is_won is null and stage in ('closed_won', 'closed_lost'))::int as inconsistent from opportunities`);
    expect(o.closed).toBeGreaterThan(10);
    expect(o.won / o.closed).toBeGreaterThan(0.04); // ~25 closed deals at tiny scale; the rate itself is checked in generate-funnel.test.ts
    expect(o.won / o.closed).toBeLessThan(0.5);
    expect(o.lost_without_reason).toBe(0);
    expect(o.inconsistent).toBe(0);
    const noContact = await one(a, `select count(*)::int as n from opportunities o where not exists (select 1 from opportunity_contacts c where c.opportunity_id = o.id)`);
    expect(noContact.n).toBe(0);
    const foreign = await one(a, `select count(*)::int as n from opportunity_contacts c join opportunities o on o.id = c.opportunity_id join people p on p.id = c.person_id where p.account_id is distinct from o.account_id`);
    expect(foreign.n).toBe(0);
  });

  it('orders every history in time and never records a touch in the future or before the person existed', async () => {
    const disorder = await one(a, `select count(*)::int as n from (
        select occurred_at < lag(occurred_at) over (partition by person_id order by id) as back,
               from_stage is distinct from lag(to_stage) over (partition by person_id order by id) as broken from stage_transitions) s where back or broken`);
    expect(disorder.n).toBe(0);
    const future = await one(a, `select count(*)::int as n from touchpoints where occurred_at >= '${NOW.toISOString()}'`);
    expect(future.n).toBe(0);
    const early = await one(a, `select count(*)::int as n from touchpoints t join people p on p.id = t.person_id where t.occurred_at < p.created_at`);
    expect(early.n).toBe(0);
    const span = await one(a, `select extract(epoch from max(occurred_at) - min(occurred_at))::float / 86400 as days from touchpoints`);
    expect(span.days).toBeGreaterThan(300);
    expect(span.days).toBeLessThanOrEqual(366);
  });

  it('records hand-raises and sales touches where the journey says so, denser before conversion', async () => {
    const hand = await one(a, `select count(*)::int as n from touchpoints t where t.kind in ('demo_request', 'contact_sales')
      and not exists (select 1 from stage_transitions s where s.person_id = t.person_id and s.to_stage = 'mql' and s.occurred_at = t.occurred_at)`);
    expect(hand.n).toBe(0);
    const sales = await one(a, `select count(*)::int as n from touchpoints t where t.side = 'sales' and t.channel <> 'direct_sales'`);
    expect(sales.n).toBe(0);
    const rate = await one(a, `with mql as (select person_id, min(occurred_at) as at from stage_transitions where to_stage = 'mql' group by 1)
      select avg(n)::float as before_mql from (select count(t.*) as n from mql m join touchpoints t on t.person_id = m.person_id
        and t.occurred_at between m.at - interval '30 days' and m.at group by m.person_id) x`);
    const base = await one(a, `select avg(n)::float * 30 / 365 as per_30_days from (select count(*) as n from touchpoints t join people p on p.id = t.person_id
      where p.lifecycle_stage = 'lead' group by t.person_id) x`);
    expect(rate.before_mql).toBeGreaterThan(base.per_30_days * 2);
  });

  it('sets up the forms and custom fields, and fills the fields', async () => {
    const forms = await rows(a, `select key, kind, campaign_id is not null as has_campaign, allowed_origins from forms order by key`);
    expect(forms.map((f) => [f.key, f.kind, f.has_campaign])).toEqual([
      ['contact-sales', 'contact_sales', false], ['demo-request', 'demo_request', false], ['ebook', 'content_download', true],
    ]);
    expect(forms[0].allowed_origins).toContain('http://localhost:3000');
    const filled = await one(a, `select count(*) filter (where custom ? 'segment')::int as n, count(*)::int as total from accounts`);
    expect(filled.n).toBe(filled.total);
    const people = await one(a, `select count(*) filter (where custom ? 'lead_source_detail')::int as n, count(*)::int as total from people`);
    expect(people.n).toBe(people.total);
  });

  it('sets up routing and a hand-off for every MQL of its history, answered as the journey says', async () => {
    expect((await rows(a, `select kind from routing_rules order by position`)).map((r) => r.kind)).toEqual(['account_owner', 'territory', 'round_robin', 'fallback']);
    // One hand-off per MQL episode; each answered the way the next stage says.
    const episodes = await one(a, `select count(*)::int as n from stage_transitions where to_stage = 'mql'`);
    const made = await one(a, `select count(*)::int as n from handoffs`);
    expect(made.n).toBe(episodes.n);
    const wrong = await one(a, `select count(*)::int as n from handoffs h join people p on p.id = h.person_id
      where (h.status = 'open' and not exists (select 1 from stage_transitions t where t.person_id = h.person_id and t.occurred_at > h.mql_at))
         is distinct from (h.status = 'open')`);
    expect(wrong.n).toBe(0);
    expect(await one(a, `select count(*)::int as n from people p where lifecycle_stage = 'mql' and not exists (select 1 from handoffs h where h.person_id = p.id and h.status = 'open')`)).toEqual({ n: 0 });
    const rejected = await one(a, `select count(*)::int as n, count(*) filter (where reject_reason is null)::int as without from handoffs where status = 'rejected'`);
    expect(rejected.n).toBeGreaterThan(0);
    expect(rejected.without).toBe(0);
    // Breaches happen, and a late acceptance carries how late it was.
    const late = await one(a, `select count(*)::int as n from sla_breaches where kind = 'accept' and resolved_at is not null and late_minutes > 0`);
    expect(late.n).toBeGreaterThan(0);
    expect(await rows(b, `select count(*)::int as n from handoffs`)).toEqual([{ n: made.n }]);
  });

  it('refuses to load into a database that already has people', async () => {
    await expect(loadDemo(a.handle, { scale: 'tiny', seed: 7, now: NOW })).rejects.toThrow(/already has people/);
  });
});
