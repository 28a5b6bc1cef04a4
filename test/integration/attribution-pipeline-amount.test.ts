import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTRIBUTION_MODELS } from '../../src/db/schema/attribution.js';
import { refreshChangedAttribution } from '../../src/domain/attribution/refresh-changed-attribution.js';
import { createTestEnv, type TestEnv } from '../support/test-app.js';

/**
 * Pipeline credit is worth the deal's amount at creation, revenue credit its won amount.
 *
 * API (through the API, contact P1): created 2026-03-10 at 10,000, raised to 25,000 on 03-20,
 *   won on 04-05. P1: web (campaign C1) 03-01, e-mail 03-05 (pipeline), a meeting 03-25
 *   (revenue only). Pipeline: 10,000 in March; revenue: 25,000 in April.
 * D2 (demo-style, inserted without audit, contact P2): 7,000, created 02-10, won 04-02. P2: web
 *   02-01. Pipeline and revenue: 7,000.
 * D3 (demo-style, contact P3, open): 3,000, created 02-15. P3: web 02-02. Its amount is later
 *   changed without audit (as a raw import would): the amount first credited stays its pipeline.
 */
let env: TestEnv;
const ids: Record<string, string> = {};
let seq = 0;

async function exec(q: ReturnType<typeof sql>) { return env.ctx.db.execute(q); }
async function one<T>(q: ReturnType<typeof sql>): Promise<T> { return (await exec(q)).rows[0] as T; }
async function touch(p: string, occurred: string, channel: string, campaign?: string) {
  const side = channel === 'direct_sales' ? 'sales' : 'marketing';
  await exec(sql`insert into touchpoints (external_id, occurred_at, person_id, account_id, channel, kind, campaign_id, side, recorded_by)
    values (${`pa${++seq}`}, ${occurred}::timestamptz, ${ids[p]}::uuid, ${ids.Acme}::uuid, ${channel}, ${side === 'sales' ? 'meeting' : 'page_view'},
      ${campaign ? ids[campaign]! : null}::uuid, ${side}, 'test')`);
}
async function demoDeal(key: string, amount: number, created: string, contact: string, won?: string) {
  ids[key] = (await one<{ id: string }>(sql`insert into opportunities (account_id, name, amount, currency, stage, created_at, closed_at, is_won, updated_at)
    values (${ids.Acme}::uuid, ${key}, ${amount}, 'USD', ${won ? 'closed_won' : 'discovery'}, ${created}::timestamptz, ${won ?? null}::timestamptz,
      ${won ? true : null}, ${created}::timestamptz) returning id`)).id;
  await exec(sql`insert into opportunity_contacts (opportunity_id, person_id, role) values (${ids[key]}::uuid, ${ids[contact]}::uuid, 'champion')`);
}

type Row = { key: string; currency: string; model: { credit: number } };
async function report(query: string): Promise<{ rows: Row[]; totals: { currency: string; amount: number; deals: number }[]; unattributed: unknown[] }> {
  const res = await env.request('GET', `/api/v1/attribution/report?${query}`);
  expect(res.status, res.text).toBe(200);
  return res.body;
}
const byKey = (rows: Row[]) => Object.fromEntries(rows.map((r) => [r.key, Math.round(r.model.credit * 100) / 100]));
const sum = (rows: Row[]) => rows.reduce((s, r) => s + r.model.credit, 0);
async function patch(id: string, body: Record<string, unknown>) {
  const res = await env.request('PATCH', `/api/v1/opportunities/${id}`, body);
  expect(res.status, res.text).toBe(200);
}
async function recompute() {
  const res = await env.request('POST', '/api/v1/attribution/recompute');
  expect(res.status, res.text).toBe(202);
}

beforeAll(async () => {
  env = await createTestEnv({ now: '2026-03-10T12:00:00Z' });
  ids.Acme = (await one<{ id: string }>(sql`insert into accounts (name) values ('Acme') returning id`)).id;
  ids.C1 = (await one<{ id: string }>(sql`insert into campaigns (name, type, channel, actual_cost) values ('C1', 'paid_search', 'web', 1000) returning id`)).id;
  for (const p of ['P1', 'P2', 'P3']) {
    ids[p] = (await one<{ id: string }>(sql`insert into people (email, account_id) values (${`${p.toLowerCase()}@acme.test`}, ${ids.Acme}::uuid) returning id`)).id;
  }
  await touch('P1', '2026-03-01T09:00:00Z', 'web', 'C1');
  await touch('P1', '2026-03-05T09:00:00Z', 'email');
  await touch('P1', '2026-03-25T09:00:00Z', 'direct_sales');
  await touch('P2', '2026-02-01T09:00:00Z', 'web');
  await touch('P3', '2026-02-02T09:00:00Z', 'web');
  const created = await env.request('POST', '/api/v1/opportunities', {
    accountId: ids.Acme, name: 'API', amount: 10_000, currency: 'USD', contacts: [{ personId: ids.P1, role: 'champion' }],
  });
  expect(created.status, created.text).toBe(201);
  ids.API = created.body.id;
  env.clock.set('2026-03-20T12:00:00Z');
  await patch(ids.API!, { amount: 25_000 });
  env.clock.set('2026-04-05T12:00:00Z');
  await patch(ids.API!, { stage: 'closed_won' });
  await demoDeal('D2', 7_000, '2026-02-10T12:00:00Z', 'P2', '2026-04-02T12:00:00Z');
  await demoDeal('D3', 3_000, '2026-02-15T12:00:00Z', 'P3');
  await recompute();
});
afterAll(async () => { await env?.close(); });

describe('pipeline at the amount at creation, revenue at the won amount', () => {
  it('credits a deal created at 10,000 and won at 25,000 with 10,000 of pipeline in its creation month and 25,000 of revenue', async () => {
    const pipeline = await report('dimension=month&model=linear&stage=pipeline');
    expect(byKey(pipeline.rows)).toEqual({ '2026-02': 10_000, '2026-03': 10_000 });
    expect(pipeline.totals).toEqual([{ currency: 'USD', amount: 20_000, deals: 3 }]);
    expect(pipeline.unattributed).toEqual([]);
    const revenue = await report('dimension=month&model=linear&stage=revenue');
    expect(byKey(revenue.rows)).toEqual({ '2026-04': 32_000 });
    expect(revenue.totals).toEqual([{ currency: 'USD', amount: 32_000, deals: 2 }]);
  });

  it('distributes exactly those totals under every model', async () => {
    for (const model of ATTRIBUTION_MODELS) {
      expect(sum((await report(`dimension=channel&model=${model}&stage=pipeline`)).rows), model).toBeCloseTo(20_000, 1);
      expect(sum((await report(`dimension=channel&model=${model}&stage=revenue`)).rows), model).toBeCloseTo(32_000, 1);
    }
  });

  it('drills pipeline down at the amount at creation and revenue at the won amount', async () => {
    const p = await env.request('GET', '/api/v1/attribution/touches?dimension=channel&key=web&model=linear&stage=pipeline');
    expect(p.status, p.text).toBe(200);
    expect(p.body.touches.map((t: { opportunityName: string; credit: number }) => [t.opportunityName, Math.round(t.credit)]))
      .toEqual([['D2', 7000], ['API', 5000], ['D3', 3000]]);
    const r = await env.request('GET', '/api/v1/attribution/touches?dimension=channel&key=web&model=linear&stage=revenue');
    expect(r.body.touches.map((t: { opportunityName: string; credit: number }) => [t.opportunityName, Math.round(t.credit)]))
      .toEqual([['API', 8333], ['D2', 7000]]);
  });

  it('splits sourced pipeline at the amount at creation and revenue at the won amount', async () => {
    const res = await env.request('GET', '/api/v1/attribution/sourced');
    expect(res.body.data.map((r: { quarter: string; source: string; pipeline: number; revenue: number }) => [r.quarter, r.source, r.pipeline, r.revenue]))
      .toEqual([['2026-Q1', 'marketing', 20_000, 0], ['2026-Q2', 'marketing', 0, 32_000]]);
  });

  it('gives campaign pipeline at the amount at creation beside revenue at the won amount', async () => {
    const res = await env.request('GET', '/api/v1/attribution/campaign-roi');
    const c1 = res.body.data.find((c: { name: string }) => c.name === 'C1');
    expect(c1.models.first_touch).toEqual({ pipeline: expect.closeTo(10_000, 2), revenue: expect.closeTo(25_000, 2), roi: expect.closeTo(25, 4) });
    expect(c1.models.linear.pipeline).toBeCloseTo(5_000, 2);
  });

  it('keeps pipeline at the amount at creation through incremental refreshes after amount changes, as a full recompute does', async () => {
    env.clock.set('2026-04-10T12:00:00Z');
    await patch(ids.API!, { amount: 30_000 });
    await patch(ids.D2!, { amount: 9_000 }); // audited now: its first update's `before` is 7,000
    await exec(sql`update opportunities set amount = 4000, updated_at = ${env.clock.now().toISOString()}::timestamptz where id = ${ids.D3}::uuid`);
    expect((await refreshChangedAttribution(env.ctx)).deals).toBe(3);
    const pipeline = await report('dimension=month&model=linear&stage=pipeline');
    expect(byKey(pipeline.rows)).toEqual({ '2026-02': 10_000, '2026-03': 10_000 });
    expect(pipeline.totals).toEqual([{ currency: 'USD', amount: 20_000, deals: 3 }]);
    const revenue = await report('dimension=month&model=linear&stage=revenue');
    expect(byKey(revenue.rows)).toEqual({ '2026-04': 39_000 });
    const incremental: Record<string, Row[]> = {};
    for (const model of ['w_shaped', 'time_decay', 'markov'] as const) {
      for (const stage of ['pipeline', 'revenue'] as const) incremental[`${model}:${stage}`] = (await report(`dimension=channel&model=${model}&stage=${stage}`)).rows;
    }
    await recompute();
    for (const [k, rows] of Object.entries(incremental)) {
      const [model, stage] = k.split(':');
      const full = (await report(`dimension=channel&model=${model}&stage=${stage}`)).rows;
      expect(full.map((r) => r.key).sort(), k).toEqual(rows.map((r) => r.key).sort());
      for (const r of full) expect(rows.find((x) => x.key === r.key)!.model.credit, `${k} ${r.key}`).toBeCloseTo(r.model.credit, 2);
    }
    const { rows: [j] } = await exec(sql`select amount::float8 as amount, pipeline_amount::float8 as pipeline from attribution_journeys where opportunity_id = ${ids.D3}::uuid`);
    expect(j).toEqual({ amount: 4000, pipeline: 3000 });
  });
});
