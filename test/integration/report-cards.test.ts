import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeam } from '../../src/domain/identity/create-team.js';
import { createTestEnv, type Requester, type TestEnv } from '../support/test-app.js';

/**
 * Report cards and quotas against a history whose answers are known: deals, hand-offs, breaches,
 * activities, campaigns and MQLs written by the test. Now is Wednesday 2026-06-17.
 */
const NOW = '2026-06-17T12:00:00Z';
const Q2 = 'from=2026-04-01&to=2026-07-01';
let env: TestEnv;
type Seat = { id: string; request: Requester };
let mia: Seat, ann: Seat, ben: Seat, sam: Seat, mo: Seat, southMgr: Seat, cal: Seat;
let q: TestEnv['handle']['pool'];

async function person(email: string, ownerId: string | null = null): Promise<string> {
  return (await q.query<{ id: string }>(`insert into people (email, owner_id) values ($1, $2) returning id`, [email, ownerId])).rows[0]!.id;
}
async function transition(personId: string, stage: string, at: string): Promise<void> {
  await q.query(`insert into stage_transitions (person_id, to_stage, occurred_at, actor_type) values ($1, $2, $3, 'system')`, [personId, stage, at]);
}
async function handoff(personId: string, ownerId: string, h: { assigned: string; accepted?: string; rejected?: string; reason?: string; firstTouch?: string; status?: string }): Promise<string> {
  const status = h.status ?? (h.accepted ? 'accepted' : h.rejected ? 'rejected' : 'open');
  return (await q.query<{ id: string }>(`insert into handoffs (person_id, owner_id, status, rule_kind, why, mql_at, assigned_at, accept_due_at, first_touch_due_at, remind_at, reassign_at,
      accepted_at, rejected_at, reject_reason, reject_outcome, first_touch_at)
    values ($1, $2, $3, 'round_robin', 'test', $4, $4, $4::timestamptz + interval '1 day', $4::timestamptz + interval '4 hours', $4, $4::timestamptz + interval '2 days',
      $5, $6, $7, case when $7::text is null then null else 'recycled' end, $8) returning id`,
  [personId, ownerId, status, h.assigned, h.accepted ?? null, h.rejected ?? null, h.reason ?? null, h.firstTouch ?? null])).rows[0]!.id;
}

beforeAll(async () => {
  env = await createTestEnv({ now: NOW });
  q = env.handle.pool;
  const north = await createTeam(env.ctx, { name: 'North', kind: 'sales' });
  const south = await createTeam(env.ctx, { name: 'South', kind: 'sales' });
  const seat = async (role: 'sales_rep' | 'sales_manager' | 'sdr' | 'marketing', name: string, teamId?: string) => {
    const a = await env.actAs(role, { name, ...(teamId ? { teamId } : {}) });
    return { id: a.user.id, request: a.request };
  };
  mia = await seat('sales_manager', 'Mia Manager', north.id);
  ann = await seat('sales_rep', 'Ann Rep', north.id);
  ben = await seat('sales_rep', 'Ben Rep', north.id);
  sam = await seat('sdr', 'Sam SDR', north.id);
  southMgr = await seat('sales_manager', 'Sol Manager', south.id);
  cal = await seat('sales_rep', 'Cal Rep', south.id);
  mo = await seat('marketing', 'Mo Marketer');

  // Ann's deals: Q2 has 30,000 won, 5,000 lost; 99,999 won in Q1; 30,000 USD and 3,000 EUR open.
  const account = await env.request('POST', '/api/v1/accounts', { name: 'Cards Co', ownerId: ann.id });
  const deals = [
    { amount: 10_000, stage: 'discovery', createdAt: '2026-05-01T00:00:00Z' },
    { amount: 20_000, stage: 'proposal', createdAt: '2026-03-01T00:00:00Z' },
    { amount: 30_000, stage: 'closed_won', createdAt: '2026-04-02T00:00:00Z', closeAt: '2026-05-20T00:00:00Z' },
    { amount: 5_000, stage: 'closed_lost', createdAt: '2026-04-03T00:00:00Z', closeAt: '2026-06-01T00:00:00Z' },
    { amount: 99_999, stage: 'closed_won', createdAt: '2026-01-05T00:00:00Z', closeAt: '2026-03-31T12:00:00Z' },
    { amount: 3_000, stage: 'discovery', createdAt: '2026-06-16T00:00:00Z', currency: 'EUR' },
  ];
  for (const [i, d] of deals.entries()) {
    const made = await env.request('POST', '/api/v1/opportunities', {
      accountId: account.body.id, name: `Deal ${i}`, amount: d.amount, currency: d.currency ?? 'USD', ownerId: ann.id,
      stage: d.closeAt ? 'negotiation' : d.stage, createdAt: d.createdAt,
    });
    expect(made.status, made.text).toBe(201);
    if (d.closeAt) {
      env.clock.set(d.closeAt);
      const closed = await env.request('PATCH', `/api/v1/opportunities/${made.body.id}`, { stage: d.stage, ...(d.stage === 'closed_lost' ? { lostReason: 'budget' } : {}) });
      expect(closed.status, closed.text).toBe(200);
      env.clock.set(NOW);
    }
  }

  // Hand-offs this week (2026-06-15 … 22): Ann got three, accepted two (after 2 h and 6 h), rejected one.
  const h1 = await handoff(await person('h1@cards.test', ann.id), ann.id, { assigned: '2026-06-15T09:00:00Z', accepted: '2026-06-15T11:00:00Z', firstTouch: '2026-06-15T10:00:00Z' });
  await handoff(await person('h2@cards.test', ann.id), ann.id, { assigned: '2026-06-15T10:00:00Z', accepted: '2026-06-15T16:00:00Z' });
  await handoff(await person('h3@cards.test', ann.id), ann.id, { assigned: '2026-06-16T09:00:00Z', rejected: '2026-06-16T10:00:00Z', reason: 'no_budget' });
  await handoff(await person('h4@cards.test', ann.id), ann.id, { assigned: '2026-06-10T09:00:00Z', accepted: '2026-06-10T10:00:00Z' }); // last week
  await q.query(`insert into sla_breaches (handoff_id, kind, owner_id, due_at, recorded_at) values ($1, 'accept', $2, '2026-06-15T10:30:00Z', '2026-06-15T10:30:00Z')`, [h1, ann.id]);
  for (const [i, at] of ['2026-06-15T12:00:00Z', '2026-06-16T12:00:00Z', '2026-06-01T12:00:00Z'].entries()) {
    await q.query(`insert into touchpoints (external_id, occurred_at, channel, kind, side, properties, recorded_by) values ($1, $2, 'direct_sales', 'call', 'sales', $3, 'test')`,
      [`act-${i}`, at, JSON.stringify({ loggedBy: ann.id })]);
  }

  // Sam (SDR): two accepted this week, one of them an SQL since; one still open.
  const s1 = await person('s1@cards.test', sam.id);
  await handoff(s1, sam.id, { assigned: '2026-06-15T09:00:00Z', accepted: '2026-06-15T13:00:00Z' });
  await transition(s1, 'sql', '2026-06-16T09:00:00Z');
  await handoff(await person('s2@cards.test', sam.id), sam.id, { assigned: '2026-06-15T09:00:00Z', accepted: '2026-06-15T09:30:00Z' });
  await handoff(await person('s3@cards.test', sam.id), sam.id, { assigned: '2026-06-16T09:00:00Z' });

  // Quotas: Ann 100,000 USD for Q2; Cal a quota of zero.
  expect((await mia.request('PUT', '/api/v1/quotas', { userId: ann.id, startsOn: '2026-04-01', endsOn: '2026-06-30', amount: 100_000 })).status).toBe(200);
  expect((await southMgr.request('PUT', '/api/v1/quotas', { userId: cal.id, startsOn: '2026-04-01', endsOn: '2026-06-30', amount: 0 })).status).toBe(200);
});
afterAll(async () => { await env?.close(); });

describe('the rep card', () => {
  it('gives quota, attainment, coverage, win rate, deal size and cycle for the quarter', async () => {
    const res = await ann.request('GET', `/api/v1/reports/cards/rep/me?${Q2}`);
    expect(res.status, res.text).toBe(200);
    const c = res.body;
    expect(c.quota).toMatchObject({ amount: 100_000, currency: 'USD', startsOn: '2026-04-01', endsOn: '2026-06-30' });
    expect(c.wonInQuotaPeriod.value).toBe(30_000);
    expect(c.attainment.value).toBeCloseTo(0.3);
    expect(c.coverage.value).toBeCloseTo(30_000 / 70_000);
    expect(c.winRate.value).toBeCloseTo(0.5);
    expect(c.averageDealSize).toEqual([{ currency: 'USD', amount: 30_000 }]);
    expect(c.cycleDays.value).toBeCloseTo(48);
    expect(c.pipelineCreated).toEqual([{ currency: 'EUR', count: 1, amount: 3_000 }, { currency: 'USD', count: 3, amount: 45_000 }]);
    expect(c.openPipeline).toEqual(expect.arrayContaining([{ currency: 'USD', count: 2, amount: 30_000 }]));
    expect(c.notes.join(' ')).toMatch(/EUR are left out/);
    expect(c.feedbackItems).toMatchObject({ value: null, why: expect.stringMatching(/feedback/) });
  });

  it('counts this week\'s leads, answers, speed, breaches and activities by default', async () => {
    const c = (await ann.request('GET', '/api/v1/reports/cards/rep/me')).body;
    expect(c.period.label).toBe('week of 2026-06-15');
    expect(c.leads).toMatchObject({ received: 3, accepted: 2, rejected: 1, rejectionReasons: { no_budget: 1 }, slaBreaches: { accept: 1, firstTouch: 0 } });
    expect(c.leads.acceptanceRate.value).toBeCloseTo(2 / 3);
    expect(c.leads.hoursToAccept.value).toBeCloseTo(4); // median of 2 h and 6 h
    expect(c.leads.hoursToFirstTouch.value).toBeCloseTo(1);
    expect(c.activitiesLogged).toBe(2);
    expect(c.winRate).toEqual({ value: null, why: 'no deal was won or lost in the period' });
    expect(c.cycleDays.value).toBeNull();
  });

  it('says why instead of dividing by zero: no quota, a quota of zero, an empty period', async () => {
    const ben1 = (await mia.request('GET', `/api/v1/reports/cards/rep/${ben.id}?${Q2}`)).body;
    expect(ben1.attainment).toEqual({ value: null, why: 'no quota set for this period' });
    expect(ben1.coverage.why).toBe('no quota set for this period');
    expect(ben1.leads.acceptanceRate.value).toBeNull();
    expect(ben1.leads.hoursToAccept.why).toMatch(/no lead/);
    const calCard = (await southMgr.request('GET', `/api/v1/reports/cards/rep/${cal.id}?${Q2}`)).body;
    expect(calCard.attainment).toEqual({ value: null, why: 'the quota is zero' });
    expect(calCard.coverage.why).toBe('the quota is zero');
    const empty = (await ann.request('GET', '/api/v1/reports/cards/rep/me?from=2025-01-01&to=2025-02-01')).body;
    expect(empty.quota).toBeNull();
    expect(empty.pipelineCreated).toEqual([]);
    expect(JSON.stringify(empty)).not.toMatch(/NaN|Infinity/);
  });

  it('shows reps their own card only, managers their team\'s', async () => {
    expect((await ann.request('GET', `/api/v1/reports/cards/rep/${ben.id}`)).status).toBe(403);
    expect((await ann.request('GET', `/api/v1/reports/cards/rep/${ben.id}`)).body.code).toBe('record_forbidden');
    expect((await mia.request('GET', `/api/v1/reports/cards/rep/${ann.id}`)).status).toBe(200);
    expect((await southMgr.request('GET', `/api/v1/reports/cards/rep/${ann.id}`)).status).toBe(403);
    expect((await (await env.actAs('exec')).request('GET', `/api/v1/reports/cards/rep/${ann.id}`)).status).toBe(200);
    expect((await (await env.actAs('product')).request('GET', `/api/v1/reports/cards/rep/${ann.id}`)).body.code).toBe('forbidden');
  });

  it('renders the card of a rep who left, and says so', async () => {
    await q.query(`update users set active = false where id = $1`, [ben.id]);
    const c = (await mia.request('GET', `/api/v1/reports/cards/rep/${ben.id}?${Q2}`)).body;
    expect(c.person.active).toBe(false);
    expect(c.notes.join(' ')).toMatch(/no longer active/);
    await q.query(`update users set active = true where id = $1`, [ben.id]);
  });
});

describe('the SDR card', () => {
  it('counts queue, acceptance, qualification and SQLs passed', async () => {
    const res = await sam.request('GET', '/api/v1/reports/cards/sdr/me');
    expect(res.status, res.text).toBe(200);
    const c = res.body;
    expect(c.leads).toMatchObject({ received: 3, accepted: 2, rejected: 0, openNow: 1 });
    expect(c.leads.acceptanceRate.value).toBe(1);
    expect(c.leads.hoursToAccept.value).toBeCloseTo((4 + 0.5) / 2);
    expect(c.qualificationRate.value).toBeCloseTo(0.5);
    expect(c.sqlsPassed).toBe(1);
  });
});

describe('quotas', () => {
  it('lets managers set their team\'s quotas only, refuses overlaps on the field, and lists by scope', async () => {
    expect((await mia.request('PUT', '/api/v1/quotas', { userId: cal.id, startsOn: '2026-07-01', endsOn: '2026-09-30', amount: 1 })).body.code).toBe('record_forbidden');
    expect((await ann.request('PUT', '/api/v1/quotas', { userId: ann.id, startsOn: '2026-07-01', endsOn: '2026-09-30', amount: 1 })).body.code).toBe('forbidden');
    const overlap = await mia.request('PUT', '/api/v1/quotas', { userId: ann.id, startsOn: '2026-06-01', endsOn: '2026-08-31', amount: 1 });
    expect(overlap.status).toBe(422);
    expect(overlap.body.errors[0].path).toBe('startsOn');
    const mine = await ann.request('GET', '/api/v1/quotas');
    expect(mine.body.data.map((x: any) => x.userId)).toEqual([ann.id]);
  });

  it('imports quotas from CSV, keeping good rows and reporting bad ones by row', async () => {
    const annEmail = (await q.query<{ email: string }>(`select email from users where id = $1`, [ann.id])).rows[0]!.email;
    const benEmail = (await q.query<{ email: string }>(`select email from users where id = $1`, [ben.id])).rows[0]!.email;
    const csv = `email,starts_on,ends_on,amount,currency\n${annEmail},2026-07-01,2026-09-30,120000,USD\n${benEmail},2026-07-01,2026-09-30,-5,USD\nnobody@x.test,2026-07-01,2026-09-30,1,USD\n`;
    const res = await mia.request('POST', '/api/v1/quotas/import', csv, { 'content-type': 'text/csv' });
    expect(res.status, res.text).toBe(200);
    expect(res.body.saved).toBe(1);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ row: 3, field: 'amount' }),
      expect.objectContaining({ row: 4, field: 'email' }),
    ]);
    const q3 = (await ann.request('GET', '/api/v1/reports/cards/rep/me?from=2026-07-06&to=2026-07-13')).body;
    expect(q3.quota).toMatchObject({ amount: 120_000, startsOn: '2026-07-01' });
    expect(q3.attainment.value).toBe(0);
  });
});

describe('the marketing scorecard', () => {
  it('counts MQLs, acceptance, rejections, prorated cost and cost per MQL, for the team and a program owner', async () => {
    const other = await env.actAs('marketing', { name: 'Other Marketer' });
    const camp = async (ownerId: string, name: string, cost: number | null) => (await q.query<{ id: string }>(
      `insert into campaigns (name, type, channel, starts_on, ends_on, actual_cost, owner_id) values ($1, 'webinar', 'webinar', '2026-06-01', '2026-06-30', $2, $3) returning id`,
      [name, cost, ownerId])).rows[0]!.id;
    const mine = await camp(mo.id, 'Mo webinar', 3_000); // 3,000 over 30 days: 700 for the week of 7 days
    const theirs = await camp(other.user.id, 'Other webinar', null);
    const mql = async (email: string, campaignId: string, at: string, then?: 'sal' | 'rejected') => {
      const id = await person(email);
      await q.query(`insert into touchpoints (external_id, occurred_at, person_id, channel, kind, side, campaign_id, recorded_by) values ($1, $2, $3, 'webinar', 'webinar_attended', 'marketing', $4, 'test')`,
        [`t-${email}`, new Date(Date.parse(at) - 3_600_000).toISOString(), id, campaignId]);
      await transition(id, 'lead', new Date(Date.parse(at) - 7_200_000).toISOString());
      await transition(id, 'mql', at);
      if (then === 'sal') await transition(id, 'sal', new Date(Date.parse(at) + 3_600_000).toISOString());
      if (then === 'rejected') await handoff(id, ann.id, { assigned: at, rejected: new Date(Date.parse(at) + 3_600_000).toISOString(), reason: 'not_in_profile' });
    };
    await mql('m1@cards.test', mine, '2026-06-15T10:00:00Z', 'sal');
    await mql('m2@cards.test', mine, '2026-06-16T10:00:00Z', 'rejected');
    await mql('m3@cards.test', theirs, '2026-06-16T11:00:00Z', 'sal');
    await mql('m4@cards.test', mine, '2026-06-08T10:00:00Z'); // last week

    const team = (await mo.request('GET', '/api/v1/reports/cards/marketing')).body;
    expect(team).toMatchObject({ mqls: 3, sals: 2, sqls: 0, rejectionReasons: { not_in_profile: 1 } });
    expect(team.mqlToSal.value).toBeCloseTo(2 / 3);
    expect(team.cost).toEqual([{ currency: 'USD', amount: 700 }]);
    expect(team.costPerMql.value).toBeCloseTo(700 / 3);
    expect(team.sqlsInPeriod).toBe(1); // Sam's lead, qualified this week
    expect(team.costPerSql.value).toBeCloseTo(700);
    expect(team.costPerOpportunity.why).toMatch(/no marketing-sourced opportunity/);

    const res = await mo.request('GET', `/api/v1/reports/cards/marketing?ownerId=${mo.id}`);
    expect(res.status, res.text).toBe(200);
    const own = res.body;
    expect(own).toMatchObject({ mqls: 2, sals: 1, rejectionReasons: { not_in_profile: 1 } });
    expect(own.costPerMql.value).toBeCloseTo(350);
    expect(own.costPerSql).toEqual({ value: null, why: 'no SQL in the period' });
    expect(own.campaigns).toEqual([expect.objectContaining({ name: 'Mo webinar', cost: 3_000, revenue: 0, roi: { value: 0, why: null } })]);
    const theirsCard = (await mo.request('GET', `/api/v1/reports/cards/marketing?ownerId=${other.user.id}`)).body;
    expect(theirsCard.campaigns[0].roi).toEqual({ value: null, why: 'no actual cost recorded' });
    expect(theirsCard.costPerMql).toEqual({ value: null, why: 'no campaign cost recorded for the period' });
  });
});
