import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeam } from '../../src/domain/identity/create-team.js';
import { createTestEnv, type Requester, type TestEnv } from '../support/test-app.js';

/**
 * The scoreboard and the team overview against a history whose answers are known, computed in
 * the test from the deals it made. Now is 2026-06-15: the period is 2026-Q2.
 */
let env: TestEnv;
let ann: { id: string; request: Requester }, ben: { id: string; request: Requester }, mia: { id: string; request: Requester };

type Deal = { owner: 'ann' | 'ben'; amount: number; stage: string; createdAt: string; closeAt?: string; currency?: string };
const DEALS: Deal[] = [
  { owner: 'ann', amount: 10_000, stage: 'discovery', createdAt: '2026-05-01T00:00:00Z' },
  { owner: 'ann', amount: 20_000, stage: 'proposal', createdAt: '2026-03-01T00:00:00Z' },
  { owner: 'ann', amount: 30_000, stage: 'closed_won', createdAt: '2026-04-02T00:00:00Z', closeAt: '2026-05-20T00:00:00Z' },
  { owner: 'ann', amount: 5_000, stage: 'closed_lost', createdAt: '2026-04-03T00:00:00Z', closeAt: '2026-06-01T00:00:00Z' },
  { owner: 'ann', amount: 99_999, stage: 'closed_won', createdAt: '2026-01-05T00:00:00Z', closeAt: '2026-03-31T23:59:59Z' },
  { owner: 'ben', amount: 7_000, stage: 'discovery', createdAt: '2026-06-10T00:00:00Z' },
  { owner: 'ben', amount: 3_000, stage: 'discovery', createdAt: '2026-06-11T00:00:00Z', currency: 'EUR' },
];
const inQ2 = (iso: string) => iso >= '2026-04-01' && iso < '2026-07-01';

beforeAll(async () => {
  env = await createTestEnv({ now: '2026-06-15T12:00:00Z' });
  const team = await createTeam(env.ctx, { name: 'North', kind: 'sales' });
  const seat = async (role: 'sales_rep' | 'sales_manager', name: string) => {
    const a = await env.actAs(role, { name, teamId: team.id });
    return { id: a.user.id, request: a.request };
  };
  mia = await seat('sales_manager', 'Mia Manager');
  ann = await seat('sales_rep', 'Ann Rep');
  ben = await seat('sales_rep', 'Ben Rep');
  const account = await env.request('POST', '/api/v1/accounts', { name: 'Scoreboard Co', ownerId: ann.id });
  for (const [i, d] of DEALS.entries()) {
    const owner = d.owner === 'ann' ? ann.id : ben.id;
    const open = d.stage.startsWith('closed') ? 'negotiation' : d.stage;
    const made = await env.request('POST', '/api/v1/opportunities', {
      accountId: account.body.id, name: `Deal ${i}`, amount: d.amount, currency: d.currency ?? 'USD', stage: open, ownerId: owner, createdAt: d.createdAt,
    });
    expect(made.status, made.text).toBe(201);
    if (d.closeAt) {
      env.clock.set(d.closeAt);
      const closed = await env.request('PATCH', `/api/v1/opportunities/${made.body.id}`, { stage: d.stage, ...(d.stage === 'closed_lost' ? { lostReason: 'budget' } : {}) });
      expect(closed.status, closed.text).toBe(200);
      env.clock.set('2026-06-15T12:00:00Z');
    }
  }
  await env.request('POST', '/api/v1/people', { email: 'waiting@scoreboard.test', lifecycleStage: 'mql', ownerId: ben.id });
});
afterAll(async () => { await env?.close(); });

const sum = (ds: Deal[]) => ({ count: ds.length, amount: ds.reduce((n, d) => n + d.amount, 0) });
const usd = (rows: { currency: string; count: number; amount: number }[]) => rows.find((r) => r.currency === 'USD') ?? { count: 0, amount: 0 };

describe('the scoreboard', () => {
  it('counts the quarter for an exec: pipeline by stage, created, won, lost, win rate', async () => {
    const exec = await env.actAs('exec');
    const res = await exec.request('GET', '/api/v1/reports/scoreboard');
    expect(res.status, res.text).toBe(200);
    const b = res.body;
    expect(b.period).toMatchObject({ label: '2026-Q2', from: '2026-04-01T00:00:00.000Z', to: '2026-07-01T00:00:00.000Z' });
    const open = DEALS.filter((d) => !d.closeAt);
    const discoveryUsd = sum(open.filter((d) => d.stage === 'discovery' && !d.currency));
    expect(b.openPipeline.find((r: any) => r.stage === 'discovery' && r.currency === 'USD')).toMatchObject(discoveryUsd);
    expect(b.openPipeline.find((r: any) => r.stage === 'discovery' && r.currency === 'EUR')).toMatchObject({ count: 1, amount: 3000 });
    expect(usd(b.created)).toMatchObject(sum(DEALS.filter((d) => inQ2(d.createdAt) && !d.currency)));
    expect(usd(b.won)).toMatchObject(sum(DEALS.filter((d) => d.stage === 'closed_won' && inQ2(d.closeAt!))));
    expect(usd(b.lost)).toMatchObject(sum(DEALS.filter((d) => d.stage === 'closed_lost' && inQ2(d.closeAt!))));
    expect(b.winRate).toBeCloseTo(1 / 2);
    expect(b.funnel).toEqual(expect.arrayContaining([expect.objectContaining({ stage: 'mql', entered: 1 })]));
  });

  it('takes an explicit period, and refuses half of one by field', async () => {
    const q1 = await env.request('GET', '/api/v1/reports/scoreboard?from=2026-01-01&to=2026-04-01');
    expect(usd(q1.body.won)).toMatchObject({ count: 1, amount: 99_999 });
    expect(q1.body.winRate).toBe(1);
    const half = await env.request('GET', '/api/v1/reports/scoreboard?from=2026-01-01');
    expect(half.status).toBe(422);
    expect(half.body.errors[0].path).toBe('query.to');
  });

  it("counts only a rep's own records", async () => {
    const res = await ben.request('GET', '/api/v1/reports/scoreboard');
    const mine = DEALS.filter((d) => d.owner === 'ben');
    expect(res.body.openPipeline.reduce((n: number, r: any) => n + r.count, 0)).toBe(mine.length);
    expect(res.body.won).toEqual([]);
    expect(res.body.winRate).toBeNull();
  });

  it('leaves out what a role may not read', async () => {
    const product = await env.actAs('product');
    const res = await product.request('GET', '/api/v1/reports/scoreboard');
    expect(res.body.funnel).toBeNull();
    expect(res.body.touches).toBeNull();
    expect(usd(res.body.won).amount).toBe(30_000);
  });
});

describe('the team overview', () => {
  it("shows the manager each seller's open deals, wins this quarter and waiting leads", async () => {
    const res = await mia.request('GET', '/api/v1/reports/team');
    expect(res.status).toBe(200);
    const row = (id: string) => res.body.data.find((r: any) => r.userId === id);
    const annOpen = DEALS.filter((d) => d.owner === 'ann' && !d.closeAt);
    expect(row(ann.id)).toMatchObject({ name: 'Ann Rep', openDeals: annOpen.length, openAmount: sum(annOpen).amount, wonAmount: 30_000, leadsWaiting: 0 });
    expect(row(ben.id)).toMatchObject({ openDeals: 2, wonAmount: 0, leadsWaiting: 1 });
    expect(row(mia.id)).toMatchObject({ openDeals: 0 });
  });

  it('is not for reps, and other teams stay out of a manager’s view', async () => {
    expect((await ann.request('GET', '/api/v1/reports/team')).body.code).toBe('forbidden');
    const other = await env.actAs('sales_manager', { name: 'Other Manager' });
    const res = await other.request('GET', '/api/v1/reports/team');
    expect(res.body.data.map((r: any) => r.userId)).toEqual([other.user.id]);
  });
});
