import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshChangedAttribution } from '../../src/domain/attribution/refresh-changed-attribution.js';
import { createTeam } from '../../src/domain/identity/create-team.js';
import { createTestEnv, type Requester, type TestEnv } from '../support/test-app.js';

/**
 * Attribution over a small company whose answers are computed by hand in the comments below.
 * Days count from 2026-01-01 (UTC); now is 2026-06-15.
 *
 * O1 (Acme, 10,000 USD, contact P1, lead created day 10, deal created day 30 +1h, won day 40):
 *   d0 web (campaign C1), d10 content (asset ebook), d20 SDR call, d30 webinar (campaign C2),
 *   d35 AE meeting, d45 web (after the close: left out, flagged).
 *   W pipeline: web 30%, content 30%, webinar 30% (OC), call 10%.
 *   Full path revenue: web, content, webinar, meeting 22.5% each, call 10%.
 * O2 (Beta, 5,000 USD, contact P3, created day 6): d5 AE call → sourced by sales, 100% to it.
 * O3 (Gamma, 4,000 USD, contact P4, lead day 2, created day 4): d2 SDR call, d3 email →
 *   W: FT = LC = the call (60 of 90), OC = the email (30 of 90); sourced by inside sales.
 * O4 (Delta, 2,000 USD, no contacts): unattributed.
 * O5 (Eps, 1,000 EUR, contact P5): d1 web → marketing, in its own currency.
 * P6: web touches, on no deal: a non-converting journey for the data-driven models.
 */
let env: TestEnv;
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1);
const at = (day: number, hours = 0) => new Date(T0 + day * DAY + hours * 3_600_000).toISOString();
const ids: Record<string, string> = {};
let sdrId: string, aeId: string;
let rep: { request: Requester; id: string }, manager: { request: Requester; id: string }, marketer: { request: Requester; id: string };
let touchSeq = 0;

async function exec(q: ReturnType<typeof sql>) { return env.ctx.db.execute(q); }
async function account(key: string) {
  const { rows: [r] } = await exec(sql`insert into accounts (name) values (${key}) returning id`);
  ids[key] = (r as { id: string }).id;
}
async function person(key: string, acc: string, leadDay: number | null) {
  const { rows: [r] } = await exec(sql`insert into people (email, account_id) values (${`${key.toLowerCase()}@${acc.toLowerCase()}.test`}, ${ids[acc]}::uuid) returning id`);
  ids[key] = (r as { id: string }).id;
  if (leadDay !== null) await exec(sql`insert into stage_transitions (person_id, to_stage, occurred_at, actor_type) values (${ids[key]}::uuid, 'lead', ${at(leadDay)}::timestamptz, 'system')`);
}
async function touch(p: string, acc: string, day: number, channel: string, side: string, extra: { campaign?: string; asset?: string; by?: string; hours?: number; kind?: string } = {}) {
  const kind = extra.kind ?? (side === 'marketing' ? 'page_view' : 'call');
  const { rows: [r] } = await exec(sql`insert into touchpoints (external_id, occurred_at, person_id, account_id, channel, kind, campaign_id, asset, side, properties, recorded_by)
    values (${`t${++touchSeq}`}, ${at(day, extra.hours ?? 0)}::timestamptz, ${ids[p]}::uuid, ${ids[acc]}::uuid, ${channel}, ${kind},
      ${extra.campaign ? ids[extra.campaign]! : null}::uuid, ${extra.asset ?? null}, ${side}, ${JSON.stringify(extra.by ? { by: extra.by } : {})}::jsonb, 'test') returning id`);
  return Number((r as { id: number }).id);
}
async function deal(key: string, acc: string, amount: number, createdDay: number, o: { currency?: string; wonDay?: number; contacts?: string[]; owner?: string; hours?: number } = {}) {
  const { rows: [r] } = await exec(sql`insert into opportunities (account_id, name, amount, currency, stage, created_at, closed_at, is_won, owner_id)
    values (${ids[acc]}::uuid, ${key}, ${amount}, ${o.currency ?? 'USD'}, ${o.wonDay !== undefined ? 'closed_won' : 'discovery'}, ${at(createdDay, o.hours ?? 0)}::timestamptz,
      ${o.wonDay !== undefined ? at(o.wonDay) : null}::timestamptz, ${o.wonDay !== undefined ? true : null}, ${o.owner ?? null}::uuid) returning id`);
  ids[key] = (r as { id: string }).id;
  for (const c of o.contacts ?? []) await exec(sql`insert into opportunity_contacts (opportunity_id, person_id, role) values (${ids[key]}::uuid, ${ids[c]}::uuid, 'champion')`);
}

beforeAll(async () => {
  env = await createTestEnv({ now: '2026-06-15T12:00:00Z' });
  const sales = await createTeam(env.ctx, { name: 'Sales North', kind: 'sales' });
  const mkt = await createTeam(env.ctx, { name: 'Demand gen', kind: 'marketing' });
  const m = await env.actAs('sales_manager', { name: 'Mia Manager', teamId: sales.id });
  manager = { request: m.request, id: m.user.id };
  const r = await env.actAs('sales_rep', { name: 'Ray Rep', teamId: sales.id, managerId: m.user.id });
  rep = { request: r.request, id: r.user.id };
  const k = await env.actAs('marketing', { name: 'Kim Marketer', teamId: mkt.id });
  marketer = { request: k.request, id: k.user.id };
  sdrId = (await env.actAs('sdr', { name: 'Sam SDR', teamId: sales.id })).user.id;
  aeId = rep.id;
  for (const c of ['C1', 'C2']) {
    const { rows: [row] } = await exec(sql`insert into campaigns (name, type, channel, actual_cost, owner_id) values (${c}, ${c === 'C1' ? 'paid_search' : 'webinar'}, ${c === 'C1' ? 'web' : 'webinar'}, ${c === 'C1' ? 1000 : 0}, ${marketer.id}::uuid) returning id`);
    ids[c] = (row as { id: string }).id;
  }
  for (const a of ['Acme', 'Beta', 'Gamma', 'Delta', 'Eps', 'Zeta']) await account(a);
  await person('P1', 'Acme', 10);
  await person('P3', 'Beta', 5);
  await person('P4', 'Gamma', 2);
  await person('P5', 'Eps', 1);
  await person('P6', 'Zeta', 1);
  ids.t_web = String(await touch('P1', 'Acme', 0, 'web', 'marketing', { campaign: 'C1' }));
  await touch('P1', 'Acme', 10, 'content', 'marketing', { asset: 'ebook', kind: 'content_download' });
  ids.t_sdr = String(await touch('P1', 'Acme', 20, 'direct_sales', 'sales', { by: sdrId }));
  await touch('P1', 'Acme', 30, 'webinar', 'marketing', { campaign: 'C2', kind: 'webinar_attended' });
  await touch('P1', 'Acme', 35, 'direct_sales', 'sales', { by: aeId, kind: 'meeting' });
  await touch('P1', 'Acme', 45, 'web', 'marketing');
  await touch('P3', 'Beta', 5, 'direct_sales', 'sales', { by: aeId });
  await touch('P4', 'Gamma', 2, 'direct_sales', 'sales', { by: sdrId });
  await touch('P4', 'Gamma', 3, 'email', 'marketing', { kind: 'email_click' });
  await touch('P5', 'Eps', 1, 'web', 'marketing');
  await touch('P6', 'Zeta', 100, 'web', 'marketing');
  await touch('P6', 'Zeta', 101, 'email', 'marketing', { kind: 'email_open' });
  await deal('O0', 'Acme', 500, 25, {});
  await deal('O1', 'Acme', 10_000, 30, { hours: 1, wonDay: 40, contacts: ['P1'], owner: rep.id });
  await deal('O2', 'Beta', 5_000, 6, { contacts: ['P3'] });
  await deal('O3', 'Gamma', 4_000, 4, { contacts: ['P4'] });
  await deal('O4', 'Delta', 2_000, 8, {});
  await deal('O5', 'Eps', 1_000, 2, { currency: 'EUR', contacts: ['P5'] });
  const run = await env.request('POST', '/api/v1/attribution/recompute');
  expect(run.status, run.text).toBe(202);
});
afterAll(async () => { await env?.close(); });

type Row = { key: string; label: string; currency: string; model: { credit: number; deals: number }; compare: { credit: number; deals: number } | null };
async function report(query: string): Promise<{ rows: Row[]; body: any }> {
  const res = await env.request('GET', `/api/v1/attribution/report?${query}`);
  expect(res.status, res.text).toBe(200);
  return { rows: res.body.rows, body: res.body };
}
const credits = (rows: Row[], currency = 'USD') => Object.fromEntries(rows.filter((r) => r.currency === currency).map((r) => [r.key, Math.round(r.model.credit * 100) / 100]));

describe('the full recompute', () => {
  it('records a completed run with progress and the data-driven fit over converting and non-converting journeys', async () => {
    const res = await env.request('GET', '/api/v1/attribution/runs/latest');
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ status: 'completed', step: 'done', done: 6, total: 6 });
    // Converting: the deals with touches before their creation (O1, O2, O3, O5); not converting: P6.
    expect(res.body.dataDriven).toMatchObject({ conversions: 4, journeys: 5 });
    expect(res.body.dataDriven.markovShares.reduce((a: number, b: number) => a + b, 0)).toBeCloseTo(1, 9);
  });

  it('credits pipeline under W-shaped and linear side by side, by channel, per currency', async () => {
    const { rows, body } = await report('dimension=channel&model=w_shaped&compare=linear&stage=pipeline');
    expect(credits(rows)).toEqual({ web: 3000, content: 3000, webinar: 3000, direct_sales: 8666.67, email: 1333.33 });
    const linear = Object.fromEntries(rows.filter((r) => r.currency === 'USD').map((r) => [r.key, Math.round(r.compare!.credit * 100) / 100]));
    expect(linear).toEqual({ web: 2500, content: 2500, webinar: 2500, direct_sales: 9500, email: 2000 });
    expect(credits(rows, 'EUR')).toEqual({ web: 1000 });
    expect(body.totals).toEqual([{ currency: 'EUR', amount: 1000, deals: 1 }, { currency: 'USD', amount: 19_000, deals: 3 }]);
    expect(body.unattributed).toEqual([{ currency: 'USD', amount: 2500, deals: 2 }]);
  });

  it('credits revenue of the won deal under full path, leaving out the touch after the close and flagging it', async () => {
    const { rows, body } = await report('dimension=channel&model=full_path&stage=revenue');
    expect(credits(rows)).toEqual({ web: 2250, content: 2250, webinar: 2250, direct_sales: 3250 });
    expect(body.flags).toMatchObject({ touches_after_close: 1 });
  });

  it('distributes exactly the deals\' worth under every model, the data-driven ones included', async () => {
    for (const model of ['first_touch', 'lead_creation', 'last_touch', 'u_shaped', 'time_decay', 'custom', 'markov', 'shapley']) {
      const { rows } = await report(`dimension=campaign&model=${model}&stage=pipeline`);
      const total = rows.filter((r) => r.currency === 'USD').reduce((s, r) => s + r.model.credit, 0);
      expect(total, model).toBeCloseTo(19_000, 0);
    }
  });

  it('groups by campaign with names and by team of who made the touch, and by month', async () => {
    const { rows } = await report('dimension=campaign&model=w_shaped');
    expect(rows.find((r) => r.label === 'C1')?.model.credit).toBeCloseTo(3000, 2);
    expect(rows.find((r) => r.label === 'C2')?.model.credit).toBeCloseTo(3000, 2);
    const teams = await report('dimension=team&model=w_shaped');
    // The SDR and the AE are in Sales North; the campaigns' owner in Demand gen.
    expect(teams.rows.find((r) => r.label === 'Sales North')?.model.credit).toBeCloseTo(8666.67, 1);
    expect(teams.rows.find((r) => r.label === 'Demand gen')?.model.credit).toBeCloseTo(6000, 1);
    const months = await report('dimension=month&model=linear');
    expect(credits(months.rows)).toEqual({ '2026-01': 19_000 });
  });

  it('drills a figure down to the touches behind it, whose credit adds up to the figure', async () => {
    const res = await env.request('GET', '/api/v1/attribution/touches?dimension=channel&key=direct_sales&model=w_shaped&stage=pipeline');
    expect(res.status, res.text).toBe(200);
    expect(res.body.total).toBe(3);
    expect(res.body.touches.map((t: { opportunityName: string; credit: number }) => [t.opportunityName, Math.round(t.credit * 100) / 100]))
      .toEqual([['O2', 5000], ['O3', 2666.67], ['O1', 1000]]);
    expect(res.body.touches[0].milestones).toEqual(['FT', 'LC', 'OC']);
    expect(res.body.credit[0].credit).toBeCloseTo(8666.67, 1);
  });

  it('exports the report, the drill-down and the ROI as CSV', async () => {
    const r = await env.request('GET', '/api/v1/attribution/report/export.csv?dimension=channel&model=w_shaped&compare=linear');
    expect(r.status).toBe(200);
    expect(r.text.split('\n')[0]).toContain('channel,key,currency,w_shaped_credit,w_shaped_deals,linear_credit,linear_deals');
    expect(r.text).toContain('direct_sales,direct_sales,USD,8666.66');
    const d = await env.request('GET', '/api/v1/attribution/touches/export.csv?dimension=channel&key=web&model=w_shaped');
    expect(d.text.trim().split('\n')).toHaveLength(3);
    const roi = await env.request('GET', '/api/v1/attribution/campaign-roi/export.csv');
    expect(roi.text.split('\n')[0]).toContain('w_shaped_revenue,w_shaped_roi');
  });

  it('gives campaign ROI per model: attributed revenue over actual cost, none without a cost', async () => {
    const res = await env.request('GET', '/api/v1/attribution/campaign-roi');
    const c1 = res.body.data.find((c: { name: string }) => c.name === 'C1');
    const c2 = res.body.data.find((c: { name: string }) => c.name === 'C2');
    expect(c1.models.full_path).toEqual({ revenue: expect.closeTo(2250, 1), pipeline: expect.closeTo(10_000 * 22.5 / 77.5, 1), roi: expect.closeTo(2.25, 3) });
    expect(c1.models.first_touch.roi).toBeCloseTo(10, 6);
    expect(c2.models.first_touch).toEqual({ revenue: 0, pipeline: 0, roi: null });
  });
});

describe('sourced and influenced', () => {
  it('sources each deal from who made its first touch before creation, and splits by quarter', async () => {
    const res = await env.request('GET', '/api/v1/attribution/sourced');
    const q1 = res.body.data.filter((r: { quarter: string }) => r.quarter === '2026-Q1');
    const of = (source: string, currency = 'USD') => q1.filter((r: { source: string; currency: string }) => r.source === source && r.currency === currency)
      .map((r: { influenced: boolean; pipeline: number; revenue: number }) => [r.influenced, r.pipeline, r.revenue]);
    expect(of('marketing')).toEqual([[true, 10_000, 10_000]]);
    expect(of('sales')).toEqual([[false, 5000, 0]]);
    expect(of('inside_sales')).toEqual([[true, 4000, 0]]);
    expect(of('unknown')).toEqual([[false, 2500, 0]]);
    expect(of('marketing', 'EUR')).toEqual([[true, 1000, 0]]);
  });
});

describe('incremental refresh', () => {
  it('moves the figures after a new touch exactly as a full recompute would', async () => {
    // An e-mail to P3 on day 4, before the AE's call: O2 becomes marketing-sourced, and under W
    // the e-mail is FT and OC (60 of 90), the call LC (30 of 90).
    await touch('P3', 'Beta', 4, 'email', 'marketing', { kind: 'email_click' });
    const r = await refreshChangedAttribution(env.ctx);
    expect(r.deals).toBe(1);
    const after = await report('dimension=channel&model=w_shaped&compare=time_decay');
    expect(credits(after.rows)).toEqual({ web: 3000, content: 3000, webinar: 3000, direct_sales: 5333.33, email: 4666.67 });
    const run = await env.request('POST', '/api/v1/attribution/recompute');
    expect(run.status).toBe(202);
    const full = await report('dimension=channel&model=w_shaped&compare=time_decay');
    for (const row of full.rows) {
      const inc = after.rows.find((x) => x.key === row.key && x.currency === row.currency)!;
      expect(inc.model.credit).toBeCloseTo(row.model.credit, 2);
      expect(inc.compare!.credit).toBeCloseTo(row.compare!.credit, 2);
    }
    const sourced = await env.request('GET', '/api/v1/attribution/sourced');
    expect(sourced.body.data.filter((x: { source: string }) => x.source === 'sales')).toEqual([]);
  });

  it('refreshes named deals on request and finds nothing left to do afterwards', async () => {
    const res = await env.request('POST', '/api/v1/attribution/refresh', { opportunityIds: [ids.O1] });
    expect(res.status, res.text).toBe(200);
    expect(res.body.deals).toBe(1);
    expect((await refreshChangedAttribution(env.ctx)).deals).toBe(0);
    expect(credits((await report('dimension=channel&model=w_shaped')).rows).web).toBe(3000);
  });
});

describe('incremental refresh during a full recompute', () => {
  it('leaves changes to the running recompute (whose swap would undo them) and applies them once it is done', async () => {
    const { rows: [run] } = await exec(sql`insert into attribution_runs (kind, started_at, step) values ('full', ${env.clock.now().toISOString()}::timestamptz, 'writing') returning id`);
    await touch('P5', 'Eps', 1, 'social', 'marketing', { hours: 2, kind: 'social_engagement' });
    expect(await refreshChangedAttribution(env.ctx)).toMatchObject({ deals: 0, deferred: true });
    expect(credits((await report('dimension=channel&model=linear')).rows, 'EUR')).toEqual({ web: 1000 });
    await exec(sql`update attribution_runs set status = 'completed', finished_at = now() where id = ${(run as { id: string }).id}::uuid`);
    expect(await refreshChangedAttribution(env.ctx)).toMatchObject({ deals: 1 });
    expect(credits((await report('dimension=channel&model=linear')).rows, 'EUR')).toEqual({ web: 500, social: 500 });
  });
});

describe('settings', () => {
  it('refuses weights that do not sum to 100% and a window of zero days, field by field', async () => {
    const res = await env.request('PATCH', '/api/v1/attribution/settings', { lookbackDays: 0, customWeights: { ft: 50, lc: 30, oc: 10, cw: 0, between: 0 } });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['customWeights', 'lookbackDays']);
  });

  it('recomputes with new custom weights at once', async () => {
    const res = await env.request('PATCH', '/api/v1/attribution/settings', { customWeights: { ft: 100, lc: 0, oc: 0, cw: 0, between: 0 } });
    expect(res.status, res.text).toBe(200);
    const custom = await report('dimension=channel&model=custom&compare=first_touch');
    for (const row of custom.rows) expect(row.model.credit).toBeCloseTo(row.compare!.credit, 6);
  });

  it('is for marketing and admins to change; product may read the report; SDRs may not', async () => {
    const product = await env.actAs('product');
    expect((await product.request('GET', '/api/v1/attribution/report')).status).toBe(200);
    const sdr = await env.actAs('sdr');
    expect((await sdr.request('GET', '/api/v1/attribution/report')).status).toBe(403);
    expect((await rep.request('PATCH', '/api/v1/attribution/settings', { lookbackDays: 30 })).status).toBe(403);
  });
});

describe('prior claim and disputes', () => {
  it('assembles the evidence: first marketing touch, first sales activity, the deal already open on the account', async () => {
    const res = await rep.request('GET', `/api/v1/opportunities/${ids.O1}/evidence`);
    expect(res.status, res.text).toBe(200);
    expect(res.body.firstMarketingTouchAt).toBe(at(0));
    expect(res.body.firstSalesTouchAt).toBe(at(20));
    expect(res.body.verdict).toBe('Marketing touched first, 20 days before the other side. 1 other deal was already open on the account.');
    expect(res.body.timeline.map((e: { kind: string }) => e.kind)).toEqual([
      'first_marketing_touch', 'stage', 'first_sales_touch_person', 'open_opportunity', 'opportunity_created',
    ]);
    expect(res.body.timeline[2].touchId).toBe(Number(ids.t_sdr));
  });

  it('lets a rep dispute the source with evidence, once at a time, and a manager rule on it; the figures follow', async () => {
    const opened = await rep.request('POST', `/api/v1/opportunities/${ids.O1}/disputes`, { claimedSource: 'sales', reason: 'Already on our radar: I called them in January', touchIds: [Number(ids.t_sdr)] });
    expect(opened.status, opened.text).toBe(201);
    expect(opened.body).toMatchObject({ status: 'open', claimedSource: 'sales', currentSource: 'marketing', openedByName: 'Ray Rep', openedByTeamName: 'Sales North' });
    expect((await rep.request('POST', `/api/v1/opportunities/${ids.O1}/disputes`, { claimedSource: 'sales', reason: 'again' })).status).toBe(409);
    expect((await rep.request('POST', `/api/v1/opportunities/${ids.O1}/disputes`, { claimedSource: 'partner', reason: 'x', touchIds: [999_999] })).status).toBe(422);
    expect((await marketer.request('POST', `/api/v1/attribution/disputes/${opened.body.id}/ruling`, { decision: 'rejected', reason: 'no' })).status).toBe(403);

    const ruled = await manager.request('POST', `/api/v1/attribution/disputes/${opened.body.id}/ruling`, { decision: 'upheld', reason: 'The call log predates the webinar' });
    expect(ruled.status, ruled.text).toBe(200);
    expect(ruled.body).toMatchObject({ status: 'upheld', ruledSource: 'sales', ruledByName: 'Mia Manager', ruling: 'The call log predates the webinar' });
    expect((await manager.request('POST', `/api/v1/attribution/disputes/${opened.body.id}/ruling`, { decision: 'rejected', reason: 'changed my mind' })).status).toBe(409);

    const sourced = await env.request('GET', '/api/v1/attribution/sourced');
    const sales = sourced.body.data.filter((x: { source: string; quarter: string }) => x.source === 'sales' && x.quarter === '2026-Q1');
    expect(sales.map((x: { pipeline: number; revenue: number }) => [x.pipeline, x.revenue])).toEqual([[10_000, 10_000]]);
    // The ruling survives a full recompute.
    await env.request('POST', '/api/v1/attribution/recompute');
    const again = await env.request('GET', `/api/v1/opportunities/${ids.O1}/evidence`);
    expect(again.body).toMatchObject({ computedSource: 'marketing', source: 'sales' });
    expect(again.body.timeline.map((e: { kind: string }) => e.kind).slice(-2)).toEqual(['dispute', 'ruling']);
  });

  it('lets only the opener withdraw an open dispute, once, leaving the source as it was', async () => {
    const opened = await marketer.request('POST', `/api/v1/opportunities/${ids.O3}/disputes`, { claimedSource: 'marketing', reason: 'The e-mail did it' });
    expect(opened.status, opened.text).toBe(201);
    expect((await manager.request('POST', `/api/v1/attribution/disputes/${opened.body.id}/withdraw`)).status).toBe(403);
    const withdrawn = await marketer.request('POST', `/api/v1/attribution/disputes/${opened.body.id}/withdraw`);
    expect(withdrawn.status, withdrawn.text).toBe(200);
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', ruledAt: null });
    expect((await marketer.request('POST', `/api/v1/attribution/disputes/${opened.body.id}/withdraw`)).status).toBe(409);
    expect((await env.request('GET', `/api/v1/opportunities/${ids.O3}/evidence`)).body.source).toBe('inside_sales');
  });

  it('reports open disputes and rulings per team of the opener, over the deals the caller may see', async () => {
    const res = await env.request('GET', '/api/v1/attribution/disputes/by-team');
    expect(res.status, res.text).toBe(200);
    expect(res.body.data).toEqual([
      { teamId: expect.any(String), teamName: 'Demand gen', open: 0, upheld: 0, rejected: 0, withdrawn: 1 },
      { teamId: expect.any(String), teamName: 'Sales North', open: 0, upheld: 1, rejected: 0, withdrawn: 0 },
    ]);
    // O3 is neither the manager's team's deal nor on an account they own.
    expect((await manager.request('GET', '/api/v1/attribution/disputes/by-team')).body.data.map((t: { teamName: string }) => t.teamName)).toEqual(['Sales North']);
  });

  it('exports the disputes as CSV with their rulings', async () => {
    const res = await env.request('GET', '/api/v1/attribution/disputes/export.csv?status=upheld');
    expect(res.status).toBe(200);
    const lines = res.text.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('O1');
    expect(lines[1]).toContain('The call log predates the webinar');
  });

  it('keeps disputes on other people\'s deals out of a rep\'s reach', async () => {
    const other = await env.actAs('sales_rep');
    expect((await other.request('POST', `/api/v1/opportunities/${ids.O1}/disputes`, { claimedSource: 'partner', reason: 'mine' })).status).toBe(403);
    expect((await other.request('GET', '/api/v1/attribution/disputes')).body.data).toEqual([]);
  });
});
