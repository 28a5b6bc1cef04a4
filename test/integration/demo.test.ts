import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/demo/load-demo.js';
import { createTestEnv, type TestEnv } from '../support/test-app.js';

const NOW = new Date('2026-06-15T00:00:00Z');
let a: TestEnv;
let b: TestEnv;
beforeAll(async () => {
  [a, b] = await Promise.all([createTestEnv(), createTestEnv()]);
  await loadDemo(a.handle, { scale: 'tiny', seed: 7, now: NOW });
  await loadDemo(b.handle, { scale: 'tiny', seed: 7, now: NOW });
});
afterAll(async () => { await Promise.all([a?.close(), b?.close()]); });

const rows = async (env: TestEnv, text: string) => (await env.handle.pool.query(text)).rows;

describe('demo company', () => {
  it('is the same company for the same seed and day', async () => {
    const fingerprint = `select md5(string_agg(email || lifecycle_stage || created_at::text, ',' order by email)) as f from people`;
    const touches = `select count(*)::int as n, md5(string_agg(external_id || kind || occurred_at::text, ',' order by external_id)) as f from touchpoints`;
    expect(await rows(a, fingerprint)).toEqual(await rows(b, fingerprint));
    expect(await rows(a, touches)).toEqual(await rows(b, touches));
  });

  it('has a sales team, a marketing team and one sign-in per role', async () => {
    const roles = await rows(a, `select role, count(*)::int as n from users group by role`);
    const byRole = Object.fromEntries(roles.map((r) => [r.role, r.n]));
    expect(byRole).toMatchObject({ admin: 1, exec: 1, product: 1 });
    expect(byRole.sdr).toBeGreaterThanOrEqual(5);
    expect(byRole.sales_rep).toBeGreaterThanOrEqual(10);
    expect(byRole.marketing).toBeGreaterThanOrEqual(5);
    expect(byRole.sales_manager).toBeGreaterThanOrEqual(3);
  });

  it('gives every corporate e-mail the domain of its account, and free-mail people no account', async () => {
    const [bad] = await rows(a, `
      select count(*)::int as n from people p
      where (p.account_id is not null and not exists (select 1 from account_domains d where d.account_id = p.account_id and d.domain = split_part(p.email, '@', 2)))
         or (p.account_id is null and not exists (select 1 from free_mail_domains f where f.domain = split_part(p.email, '@', 2)))`);
    expect(bad.n).toBe(0);
  });

  it('follows the funnel: about a quarter MQL, half of them accepted, a quarter of closed deals won', async () => {
    const [f] = await rows(a, `select
        count(distinct person_id) filter (where to_stage = 'lead')::float as leads,
        count(distinct person_id) filter (where to_stage = 'mql')::float as mql,
        count(distinct person_id) filter (where to_stage = 'sal')::float as sal from stage_transitions`);
    expect(f.mql / f.leads).toBeGreaterThan(0.15);
    expect(f.mql / f.leads).toBeLessThan(0.35);
    expect(f.sal / f.mql).toBeGreaterThan(0.35);
    expect(f.sal / f.mql).toBeLessThan(0.7);
    const [o] = await rows(a, `select count(*) filter (where is_won)::float as won, count(*) filter (where is_won is not null)::float as closed from opportunities`);
    expect(o.closed).toBeGreaterThan(0);
    expect(o.won / o.closed).toBeLessThan(0.5);
  });

  it('orders every person history in time and never records a touch in the future', async () => {
    const [disorder] = await rows(a, `
      select count(*)::int as n from (
        select occurred_at < lag(occurred_at) over (partition by person_id order by id) as back from stage_transitions) s where back`);
    expect(disorder.n).toBe(0);
    const [future] = await rows(a, `select count(*)::int as n from touchpoints where occurred_at > '${NOW.toISOString()}'`);
    expect(future.n).toBe(0);
    const [withOpp] = await rows(a, `select count(*)::int as n from opportunities o where not exists (select 1 from opportunity_contacts c where c.opportunity_id = o.id)`);
    expect(withOpp.n).toBe(0);
  });

  it('refuses to load into a database that already has people', async () => {
    await expect(loadDemo(a.handle, { scale: 'tiny', seed: 7, now: NOW })).rejects.toThrow(/empty database/);
  });
});
