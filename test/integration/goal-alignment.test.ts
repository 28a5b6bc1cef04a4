import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../support/test-app.js';

/** One goal with two horizons, and the alignment diagnostic, over deals and answers the test wrote. Now is 2026-05-15 (Q2). */
let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ now: '2026-05-15T12:00:00Z' });
  const q = env.handle.pool;
  const account = (await q.query<{ id: string }>(`insert into accounts (name) values ('Goal Co') returning id`)).rows[0]!.id;
  const deal = (amount: number, stage: string, close: string | null, won: boolean | null = null, closedAt: string | null = null) => q.query(
    `insert into opportunities (account_id, name, amount, stage, created_at, close_date, is_won, closed_at) values ($1, 'D', $2, $3, '2026-01-10', $4, $5, $6)`,
    [account, amount, stage, close, won, closedAt]);
  await deal(40_000, 'closed_won', '2026-04-10', true, '2026-04-10T10:00:00Z');
  await deal(10_000, 'closed_lost', '2026-04-12', false, '2026-04-12T10:00:00Z');
  await deal(100_000, 'closed_won', '2026-02-01', true, '2026-02-01T10:00:00Z'); // Q1
  await deal(20_000, 'negotiation', '2026-06-01');
  await deal(50_000, 'discovery', '2026-06-20');
  await deal(30_000, 'proposal', '2026-08-15'); // Q3
  await deal(5_000, 'discovery', null);
  await q.query(`insert into forecast_snapshots (quarter, taken_on, currency, won, weighted, commit, best_case) values
    ('2026-Q1', '2026-01-05', 'USD', 0, 80000, 0, 0), ('2026-Q1', '2026-02-20', 'USD', 0, 99000, 0, 0)`);
  await q.query(`insert into people (email, lifecycle_stage) values ('n1@goal.test', 'lead'), ('n2@goal.test', 'recycled'), ('n3@goal.test', 'sql')`);
});
afterAll(async () => { await env?.close(); });

describe('one goal, two horizons', () => {
  it('says there is no goal until one is set, then shows progress and the pipeline that covers the rest', async () => {
    const before = (await env.request('GET', '/api/v1/reports/goal')).body;
    expect(before.goal).toBeNull();
    expect(before.progress.share).toEqual({ value: null, why: 'no goal set for today' });
    const manager = await env.actAs('sales_manager');
    const set = await manager.request('PUT', '/api/v1/goals', { startsOn: '2026-04-01', endsOn: '2026-06-30', amount: 100_000 });
    expect(set.status, set.text).toBe(200);
    expect((await manager.request('POST', `/api/v1/goals/${set.body.id}/commit`, {})).body.salesCommittedAt).toBe('2026-05-15T12:00:00.000Z');
    expect((await (await env.actAs('marketing')).request('POST', `/api/v1/goals/${set.body.id}/commit`, {})).body.marketingCommittedAt).not.toBeNull();
    expect((await (await env.actAs('sales_rep')).request('POST', `/api/v1/goals/${set.body.id}/commit`, {})).body.code).toBe('forbidden');
    const b = (await (await env.actAs('exec')).request('GET', '/api/v1/reports/goal')).body;
    expect(b.progress).toMatchObject({ won: { value: 40_000 }, share: { value: 0.4 }, remaining: { value: 60_000 }, coveringPipeline: { value: 70_000 } });
    expect(b.progress.coverage.value).toBeCloseTo(70 / 60);
  });

  it('forecasts this quarter (weighted, commit, best case) and judges past quarters by their first forecast', async () => {
    const t = (await env.request('GET', '/api/v1/reports/goal')).body.thisQuarter;
    expect(t.quarter).toBe('2026-Q2');
    expect(t.won).toEqual([{ currency: 'USD', amount: 40_000, count: 1 }]);
    expect(t.weighted[0].amount).toBeCloseTo(40_000 + 20_000 * 0.8 + 50_000 * 0.1);
    expect(t.commit[0].amount).toBe(60_000);
    expect(t.bestCase[0].amount).toBe(110_000);
    expect(t.accuracy).toEqual([expect.objectContaining({ quarter: '2026-Q1', forecast: 80_000, won: 100_000, accuracy: { value: 0.8, why: null } })]);
  });

  it('shows the next four quarters, the nurture pool and whitespace', async () => {
    const n = (await env.request('GET', '/api/v1/reports/goal')).body.nextFour;
    expect(n.pipelineByQuarter.map((x: any) => x.quarter)).toEqual(['2026-Q3', '2026-Q4', '2027-Q1', '2027-Q2']);
    expect(n.pipelineByQuarter[0].rows).toEqual([{ currency: 'USD', count: 1, amount: 30_000 }]);
    expect(n.pipelineWithoutCloseDate).toEqual([{ currency: 'USD', count: 1, amount: 5_000 }]);
    expect(n.nurtureByGrade).toEqual([{ grade: 'unscored', people: 2 }]);
    expect(n.whitespace.accounts).toBe(0); // the only account has open deals
  });
});

describe('the alignment diagnostic', () => {
  it('averages each side, bands and gaps them, and refuses a bad answer on the field', async () => {
    for (const [role, r] of [['sales_rep', 3], ['sdr', 4], ['marketing', 2]] as const) {
      const res = await (await env.actAs(role)).request('PUT', '/api/v1/alignment/responses/me', { ratings: Array(20).fill(r) });
      expect(res.status, res.text).toBe(200);
    }
    const bad = await (await env.actAs('sales_rep')).request('PUT', '/api/v1/alignment/responses/me', { ratings: [...Array(19).fill(3), 9] });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].path).toMatch(/ratings/);
    expect((await (await env.actAs('exec')).request('PUT', '/api/v1/alignment/responses/me', { ratings: Array(20).fill(3) })).body.code).toBe('forbidden');
    const a = (await (await env.actAs('exec')).request('GET', '/api/v1/reports/alignment')).body;
    expect(a.statements).toHaveLength(20);
    expect(a.quarters).toEqual([{ quarter: '2026-Q2', sales: { respondents: 2, total: 70, band: 'aligned' }, marketing: { respondents: 1, total: 40, band: 'defined' }, gap: 30 }]);
    expect(a.latest.byStatement[0]).toEqual({ statement: 1, sales: 3.5, marketing: 2 });
    expect(a.signals.mqlAcceptanceRate).toEqual({ value: null, why: 'no hand-off was answered in the last 90 days' });
    expect(a.signals.feedbackItems.why).toMatch(/feedback/);
    expect(a.signals.forecastAccuracy).toEqual({ value: 0.8, why: null }); // Q1: first forecast 80,000, won 100,000
  });
});
