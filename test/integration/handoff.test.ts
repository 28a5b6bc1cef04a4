import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { returnRecycledPeople } from '../../src/domain/handoff/return-recycled-people.js';
import { sweepSla } from '../../src/domain/handoff/sweep-sla.js';
import { createTestEnv, type Requester, type TestEnv } from '../support/test-app.js';

/**
 * The hand-off contract through the API, on a fake clock: every MQL gets an owner by the rules
 * (account owner, weighted round-robin, fallback) with a deadline in the owner's business hours;
 * accept or reject with a reason (and evidence for "already working it"); reminders, escalation,
 * re-routing and first-touch breaches fire exactly once, late when the server was down.
 */
let env: TestEnv;
// Friday 2026-11-20, 15:00 in New York (EST, UTC-5).
const FRIDAY_3PM = '2026-11-20T20:00:00Z';
const NY = 'America/New_York';
type Seller = { user: { id: string; name: string }; request: Requester };
let sdrA: Seller, sdrB: Seller, rep: Seller, manager: Seller;
let sdrTeam: string;
let rr: string;

const HOUR = 3_600_000;
let seq = 0;
/** A hand-raise (demo request) from a new address: scored and routed before the API answers. */
async function handRaise(email: string, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await env.request('POST', '/api/v1/touchpoints', { touchpoints: [{ externalId: `hr-${++seq}`, occurredAt: env.clock.now().toISOString(), kind: 'demo_request', email, ...extra }] });
  expect(res.status, res.text).toBe(201);
  return (await env.request('GET', `/api/v1/people?q=${encodeURIComponent(email)}`)).body.data[0].id;
}
async function handoffOf(personId: string): Promise<any> {
  const res = await env.request('GET', `/api/v1/handoffs?personId=${personId}&status=all&sort=assignedAt&order=desc`);
  expect(res.status, res.text).toBe(200);
  // The live one if any (a re-route closes the old and opens the new in the same instant), else the latest.
  return res.body.data.find((x: any) => x.status === 'open') ?? res.body.data[0];
}
const q = async (sql: string, params: unknown[] = []) => (await env.handle.pool.query(sql, params)).rows;

beforeAll(async () => {
  env = await createTestEnv({ now: FRIDAY_3PM });
  const team = await env.request('POST', '/api/v1/teams', { name: 'SDR East', kind: 'sdr' });
  sdrTeam = team.body.id;
  manager = await env.actAs('sales_manager', { name: 'Mia Manager', timezone: NY });
  await env.request('PATCH', `/api/v1/users/${manager.user.id}`, {});
  sdrA = await env.actAs('sdr', { name: 'Ann SDR', teamId: sdrTeam, managerId: manager.user.id, timezone: NY });
  sdrB = await env.actAs('sdr', { name: 'Ben SDR', teamId: sdrTeam, managerId: manager.user.id, timezone: NY });
  rep = await env.actAs('sales_rep', { name: 'Rae Rep', managerId: manager.user.id, timezone: NY });
  // A live model: hand-raisers are MQLs whatever their score.
  const model = await env.request('POST', '/api/v1/scoring/models', { name: 'Hand-raise', definition: {
    halfLifeDays: 30, fit: [], engagement: [{ id: 'demo', label: 'Asked for a demo', points: 50, when: { kinds: ['demo_request'] } }], mqlThreshold: 100,
  } });
  expect((await env.request('POST', `/api/v1/scoring/models/${model.body.id}/publish`)).status).toBe(200);
  const owner = await manager.request('POST', '/api/v1/routing/rules', { name: 'Account owner', kind: 'account_owner' });
  expect(owner.status, owner.text).toBe(201);
  const pool = await manager.request('POST', '/api/v1/routing/rules', { name: 'SDR pool', kind: 'round_robin', targetTeamId: sdrTeam });
  rr = pool.body.id;
  await manager.request('POST', '/api/v1/routing/rules', { name: 'Manager queue', kind: 'fallback', targetUserId: manager.user.id });
  await manager.request('PATCH', `/api/v1/routing/members/${sdrA.user.id}`, { weight: 2 });
});
afterAll(async () => { await env?.close(); });

describe('routing an MQL', () => {
  it('gives a hand-raiser an owner and a deadline in business hours before the API answers, and tells the owner', async () => {
    const id = await handRaise('first@newco.test');
    const h = await handoffOf(id);
    expect(h).toMatchObject({ status: 'open', ruleKind: 'round_robin', ruleName: 'SDR pool', personEmail: 'first@newco.test' });
    expect([sdrA.user.id, sdrB.user.id]).toContain(h.ownerId);
    // 24 business hours from Friday 15:00 EST: 2 on Friday, 8 Monday, 8 Tuesday, 6 Wednesday.
    expect(h.acceptDueAt).toBe('2026-11-25T20:00:00.000Z');
    expect(h.firstTouchDueAt).toBe('2026-11-23T16:00:00.000Z');
    expect(h.why).toMatch(/weighted round-robin gave it to (Ann|Ben) SDR/);
    expect(h.topReasons[0]).toEqual({ rule: 'Asked for a demo', points: 50 });
    expect((await env.request('GET', `/api/v1/people/${id}`)).body).toMatchObject({ lifecycleStage: 'mql', ownerId: h.ownerId });
    const events = await q(`select type from events where subject_id in ($1, $2) order by id`, [id, h.id]);
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['person.mql', 'person.stage_changed', 'handoff.assigned']));
    const inbox = await q(`select title, link from notifications where user_id = $1 and type = 'handoff.assigned'`, [h.ownerId]);
    expect(inbox).toContainEqual({ title: 'New lead for you: first@newco.test', link: `/queue?handoff=${h.id}` });
  });

  it('shares the pool by weight (2:1), counting every lead the rule gave', async () => {
    // One lead went to the pool above; five more make six: four for Ann (weight 2), two for Ben.
    for (let i = 0; i < 5; i++) await handRaise(`pool${i}@pool-co${i}.test`);
    const counted = await q(`select u.name, c.assigned from routing_counters c join users u on u.id = c.user_id where c.rule_id = $1 order by u.name`, [rr]);
    expect(counted).toEqual([{ name: 'Ann SDR', assigned: 4 }, { name: 'Ben SDR', assigned: 2 }]);
    const open = await q(`select u.name, count(*)::int as n from handoffs h join users u on u.id = h.owner_id where h.rule_id = $1 group by u.name order by u.name`, [rr]);
    expect(open).toEqual([{ name: 'Ann SDR', n: 4 }, { name: 'Ben SDR', n: 2 }]);
  });

  it('sends a lead of an owned account to the account owner, with the match and its confidence', async () => {
    const acct = await env.request('POST', '/api/v1/accounts', { name: 'Globex', domains: ['globex.test'], ownerId: rep.user.id });
    expect(acct.status, acct.text).toBe(201);
    const h = await handoffOf(await handRaise('hank@globex.test'));
    expect(h).toMatchObject({ ownerId: rep.user.id, ruleKind: 'account_owner', accountName: 'Globex' });
    expect(h.why).toContain('owner of the matched account Globex (e-mail domain globex.test, confidence 1)');
  });

  it('skips the absent and falls back to the queue when the pool is empty, never leaving a lead unowned', async () => {
    await sdrA.request('POST', `/api/v1/routing/members/${sdrA.user.id}/absences`, { startsOn: '2026-11-20', endsOn: '2026-11-27', note: 'Thanksgiving' });
    await manager.request('PATCH', `/api/v1/routing/members/${sdrB.user.id}`, { capacity: 0 });
    const h = await handoffOf(await handRaise('nobody@empty-pool.test'));
    expect(h).toMatchObject({ ownerId: manager.user.id, ruleKind: 'fallback' });
    const trace = h.routing.trace as any[];
    expect(trace.find((t) => t.rule === 'SDR pool').reason).toMatch(/Ann SDR: out of office until 2026-11-27; Ben SDR: at capacity/);
    // The panel says the same without writing anything.
    const test = await manager.request('POST', '/api/v1/routing/test', { email: 'x@empty-pool2.test' });
    expect(test.body).toMatchObject({ ownerName: 'Mia Manager', ruleKind: 'fallback', lastResort: false });
    const globex = await manager.request('POST', '/api/v1/routing/test', { email: 'someone@globex.test' });
    expect(globex.body.match).toMatchObject({ accountName: 'Globex', via: 'record', confidence: 1 });
    await manager.request('PATCH', `/api/v1/routing/members/${sdrB.user.id}`, { capacity: null });
    const absences = (await manager.request('GET', '/api/v1/routing/members')).body.find((m: any) => m.userId === sdrA.user.id).absences;
    await sdrA.request('DELETE', `/api/v1/routing/members/${sdrA.user.id}/absences/${absences[0].id}`);
  });

  it('routes again the open leads of a user who is disabled', async () => {
    const leaver = await env.actAs('sdr', { name: 'Lee Leaver', teamId: sdrTeam, timezone: NY });
    await manager.request('PATCH', `/api/v1/routing/members/${leaver.user.id}`, { weight: 100 });
    const id = await handRaise('orphan@leaver.test');
    const before = await handoffOf(id);
    expect(before.ownerId).toBe(leaver.user.id);
    expect((await env.request('PATCH', `/api/v1/users/${leaver.user.id}`, { active: false })).status).toBe(200);
    const after = await handoffOf(id);
    expect(after).toMatchObject({ status: 'open', previousId: before.id });
    expect(after.ownerId).not.toBe(leaver.user.id);
    expect(after.why).toMatch(/re-routed \(Lee Leaver was disabled\)/);
  });

  it('refuses rules that point at a disabled user or an empty team, and calendars with no hours', async () => {
    const gone = await env.actAs('sales_rep', { name: 'Gone Rep' });
    await env.request('PATCH', `/api/v1/users/${gone.user.id}`, { active: false });
    const bad = await manager.request('POST', '/api/v1/routing/rules', { name: 'To a ghost', kind: 'territory', conditions: { countries: ['DE'] }, targetUserId: gone.user.id });
    expect(bad.status).toBe(422);
    expect(bad.body).toMatchObject({ code: 'routing_target_unavailable', errors: [{ path: 'targetUserId' }] });
    const empty = (await env.request('POST', '/api/v1/teams', { name: 'Empty', kind: 'sales' })).body;
    const noOne = await manager.request('POST', '/api/v1/routing/rules', { name: 'Nobody', kind: 'round_robin', targetTeamId: empty.id });
    expect(noOne.body).toMatchObject({ code: 'routing_target_unavailable', errors: [{ path: 'targetTeamId' }] });
    const noTarget = await manager.request('POST', '/api/v1/routing/rules', { name: 'Pool', kind: 'round_robin' });
    expect(noTarget.body.errors[0].path).toBe('targetTeamId');
    const cal = await manager.request('POST', '/api/v1/routing/calendars', { name: 'Never', timezone: NY, hours: {} });
    expect(cal.body).toMatchObject({ code: 'calendar_no_hours', errors: [{ path: 'hours' }] });
    const tz = await manager.request('POST', '/api/v1/routing/calendars', { name: 'Mars', timezone: 'Mars/Olympus', hours: { 1: [{ start: '09:00', end: '17:00' }] } });
    expect(tz.body.errors[0].path).toBe('timezone');
    expect((await sdrA.request('POST', '/api/v1/routing/rules', { name: 'Mine', kind: 'fallback', targetUserId: sdrA.user.id })).body.code).toBe('forbidden');
    // A saved rule whose user is later disabled can still be moved or renamed; re-pointing it is checked.
    const later = await env.actAs('sales_rep', { name: 'Later Leaver' });
    const rule = (await manager.request('POST', '/api/v1/routing/rules', { name: 'Nordics', kind: 'territory', conditions: { countries: ['SE'] }, targetUserId: later.user.id })).body;
    await env.request('PATCH', `/api/v1/users/${later.user.id}`, { active: false });
    const moved = await manager.request('PUT', `/api/v1/routing/rules/${rule.id}`, { name: 'Nordics (to fix)', kind: 'territory', conditions: { countries: ['SE'] }, targetUserId: later.user.id, position: 0 });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.body).toMatchObject({ position: 0, name: 'Nordics (to fix)' });
    const repointed = await manager.request('PUT', `/api/v1/routing/rules/${rule.id}`, { name: 'Nordics', kind: 'territory', conditions: { countries: ['SE'] }, targetUserId: gone.user.id });
    expect(repointed.body.code).toBe('routing_target_unavailable');
    expect((await manager.request('DELETE', `/api/v1/routing/rules/${rule.id}`)).status).toBe(204);
  });
});

describe('accept and reject', () => {
  it('lets only the owner accept; the person becomes an SAL with the time to accept in business hours', async () => {
    const id = await handRaise('accept@acceptco.test');
    const h = await handoffOf(id);
    const owner = h.ownerId === sdrA.user.id ? sdrA : sdrB;
    const other = owner === sdrA ? sdrB : sdrA;
    const theft = await other.request('POST', `/api/v1/handoffs/${h.id}/accept`);
    expect(theft.status).toBe(403);
    expect(theft.body.code).toBe('handoff_not_yours');
    env.clock.advance(HOUR); // Friday 16:00: one business hour.
    const ok = await owner.request('POST', `/api/v1/handoffs/${h.id}/accept`);
    expect(ok.body).toEqual({ id: h.id, status: 'accepted', timeToAcceptMinutes: 60 });
    expect((await env.request('GET', `/api/v1/people/${id}`)).body.lifecycleStage).toBe('sal');
    expect((await owner.request('POST', `/api/v1/handoffs/${h.id}/accept`)).body.code).toBe('handoff_closed');
    env.clock.set(FRIDAY_3PM);
  });

  it('needs a reason from the list and a note, and sends the person back to nurture with a date', async () => {
    const id = await handRaise('reject@rejectco.test');
    const h = await handoffOf(id);
    const owner = h.ownerId === sdrA.user.id ? sdrA : sdrB;
    const none = await owner.request('POST', `/api/v1/handoffs/${h.id}/reject`, { note: 'nope' });
    expect(none.status).toBe(422);
    expect(none.body.errors.map((e: any) => e.path)).toContain('reason');
    const bogus = await owner.request('POST', `/api/v1/handoffs/${h.id}/reject`, { reason: 'dont_like_them', note: 'nope' });
    expect(bogus.body.errors.map((e: any) => e.path)).toContain('reason');
    const ok = await owner.request('POST', `/api/v1/handoffs/${h.id}/reject`, { reason: 'no_budget', note: 'Budget frozen until Q3' });
    expect(ok.body).toEqual({ id: h.id, status: 'rejected', outcome: 'recycled' });
    expect(await handoffOf(id)).toMatchObject({ rejectReason: 'no_budget', rejectOutcome: 'recycled', recycleUntil: '2027-02-18' });
    expect((await env.request('GET', `/api/v1/people/${id}`)).body.lifecycleStage).toBe('recycled');
  });

  it('hands a recycled lead back to sales on its come-back date, counted as a re-entry', async () => {
    env.clock.set(FRIDAY_3PM);
    const id = await handRaise('later@laterco.test');
    const h = await handoffOf(id);
    const owner = [sdrA, sdrB, manager].find((s) => s.user.id === h.ownerId)!;
    expect((await owner.request('POST', `/api/v1/handoffs/${h.id}/reject`, { reason: 'bad_timing', note: 'Call back after their budget cycle', recycleUntil: '2026-12-15' })).status).toBe(200);
    env.clock.set('2026-12-14T12:00:00Z');
    expect(await returnRecycledPeople(env.ctx)).toEqual({ returned: 0, routed: 0 });
    env.clock.set('2026-12-15T06:00:00Z');
    expect(await returnRecycledPeople(env.ctx)).toMatchObject({ returned: 1 });
    expect((await env.request('GET', `/api/v1/people/${id}`)).body.lifecycleStage).toBe('mql');
    expect(await q(`select from_stage, to_stage, is_reentry, reason from stage_transitions where person_id = $1 order by id desc limit 1`, [id]))
      .toEqual([{ from_stage: 'recycled', to_stage: 'mql', is_reentry: true, reason: 'back from nurture: the recycle date came' }]);
    expect(await handoffOf(id)).toMatchObject({ status: 'open' });
    expect((await handoffOf(id)).id).not.toBe(h.id);
    expect(await returnRecycledPeople(env.ctx)).toEqual({ returned: 0, routed: 0 });
    env.clock.set(FRIDAY_3PM);
  });

  it('refuses "already working it" without evidence from before the MQL, and accepts it with an open opportunity', async () => {
    const acct = (await env.request('POST', '/api/v1/accounts', { name: 'Initech', domains: ['initech.test'] })).body;
    env.clock.set('2026-11-19T15:00:00Z');
    const opp = (await env.request('POST', '/api/v1/opportunities', { accountId: acct.id, name: 'Initech platform', amount: 50_000, stage: 'discovery', ownerId: rep.user.id })).body;
    env.clock.set(FRIDAY_3PM);
    const later = (await env.request('POST', '/api/v1/opportunities', { accountId: acct.id, name: 'Too late', amount: 1, stage: 'discovery', ownerId: rep.user.id })).body;
    const h = await handoffOf(await handRaise('peter@initech.test'));
    const owner = h.ownerId === sdrA.user.id ? sdrA : sdrB;
    const bare = await owner.request('POST', `/api/v1/handoffs/${h.id}/reject`, { reason: 'already_working_it', note: 'Rae has this account' });
    expect(bare.status).toBe(422);
    expect(bare.body).toMatchObject({ code: 'evidence_required', errors: [{ path: 'evidence' }] });
    env.clock.advance(60_000);
    const wrong = await owner.request('POST', `/api/v1/handoffs/${h.id}/reject`, { reason: 'already_working_it', note: 'Rae has this account', evidence: { opportunityId: later.id } });
    expect(wrong.body).toMatchObject({ code: 'evidence_required', errors: [{ path: 'evidence.opportunityId' }] });
    const detail = (await owner.request('GET', `/api/v1/handoffs/${h.id}`)).body;
    expect(detail.priorWork.opportunities.map((o: any) => o.id)).toEqual([opp.id]);
    const ok = await owner.request('POST', `/api/v1/handoffs/${h.id}/reject`, { reason: 'already_working_it', note: 'Rae has this account', outcome: 'disqualified', evidence: { opportunityId: opp.id } });
    expect(ok.status, ok.text).toBe(200);
    expect((await handoffOf(h.personId)).evidence.opportunity.id).toBe(opp.id);
    env.clock.set(FRIDAY_3PM);
  });

  it('decides a queue in bulk under the same rules, each answer on its own', async () => {
    const mine = await handoffOf(await handRaise('bulk1@bulkco.test'));
    const theirs = await handoffOf(await handRaise('bulk2@bulkco2.test'));
    const owner = mine.ownerId === sdrA.user.id ? sdrA : sdrB;
    const res = await owner.request('POST', '/api/v1/handoffs/decide', { ids: [mine.id, theirs.id], action: 'accept' });
    const expected = theirs.ownerId === mine.ownerId ? { decided: 2, refused: 0 } : { decided: 1, refused: 1 };
    expect(res.body).toMatchObject(expected);
    if (expected.refused) expect(res.body.results[1]).toMatchObject({ id: theirs.id, ok: false, code: 'handoff_not_yours' });
  });

  it('tells marketing why leads were rejected', async () => {
    const rows = (await env.request('GET', '/api/v1/handoffs/rejections?by=reason')).body;
    expect(rows.find((r: any) => r.key === 'no_budget')).toMatchObject({ rejected: 1 });
    expect(rows.find((r: any) => r.key === 'bad_timing')).toMatchObject({ rejected: 1 });
    const byModel = (await env.request('GET', '/api/v1/handoffs/rejections?by=model')).body;
    expect(byModel[0].label).toBe('v1 Hand-raise');
    expect(byModel[0].rejected).toBe(3);
  });
});

describe('the SLA clock', () => {
  it('reminds, escalates to the manager, then re-routes, each step exactly once', async () => {
    env.clock.set(FRIDAY_3PM);
    const id = await handRaise('slow@slowco.test');
    const h = await handoffOf(id);
    const sweep = () => sweepSla(env.ctx);
    const steps = async () => (await q(`select step from handoff_steps where handoff_id = $1 order by fired_at, step`, [h.id])).map((r) => r.step);
    // Friday 16:00: nothing is due yet.
    env.clock.set('2026-11-20T21:00:00Z');
    await sweep();
    expect(await steps()).toEqual([]);
    // Monday 11:00 EST: first touch due and none logged.
    env.clock.set('2026-11-23T16:00:00Z');
    await sweep();
    expect(await steps()).toEqual(['first_touch_breach']);
    // Wednesday 11:00: the reminder (4 business hours before the deadline); a second sweep fires nothing more.
    env.clock.set('2026-11-25T16:00:00Z');
    await sweep();
    expect(await sweep()).toMatchObject({ handoffs: 0, reminders: 0 });
    expect(await steps()).toEqual(['first_touch_breach', 'reminder']);
    expect(await q(`select count(*)::int as n from notifications where type = 'handoff.reminder' and link = $1`, [`/queue?handoff=${h.id}`])).toEqual([{ n: 1 }]);
    // Wednesday 15:00: the deadline. A breach; the manager hears of it in the inbox and by e-mail.
    env.clock.set('2026-11-25T20:00:00Z');
    const mailsBefore = (await q(`select count(*)::int as n from email_outbox where to_address = (select email from users where id = $1)`, [manager.user.id]))[0].n;
    await sweep();
    expect(await steps()).toEqual(['first_touch_breach', 'reminder', 'escalation']);
    const breaches = await q(`select kind, owner_id from sla_breaches where handoff_id = $1 order by kind`, [h.id]);
    expect(breaches).toEqual([{ kind: 'accept', owner_id: h.ownerId }, { kind: 'first_touch', owner_id: h.ownerId }]);
    expect(await q(`select title from notifications where user_id = $1 and type = 'handoff.escalated' and link = $2`, [manager.user.id, `/queue?handoff=${h.id}`])).toEqual([{ title: expect.stringMatching(/missed the deadline for slow@slowco.test/) }]);
    expect((await q(`select count(*)::int as n from email_outbox where to_address = (select email from users where id = $1)`, [manager.user.id]))[0].n).toBeGreaterThan(mailsBefore);
    const listed = (await manager.request('GET', `/api/v1/handoffs?breached=true&personId=${id}`)).body.data[0];
    expect(listed.breaches.map((b: any) => b.kind).sort()).toEqual(['accept', 'first_touch']);
    // Thursday 2026-11-26 is Thanksgiving, but this calendar has no holidays: 8 business hours later is Thursday 15:00.
    env.clock.set('2026-11-26T20:00:00Z');
    expect((await sweep()).reassignments).toBeGreaterThanOrEqual(1);
    const next = await handoffOf(id);
    expect(next.id).not.toBe(h.id);
    expect(next).toMatchObject({ previousId: h.id, status: 'open' });
    expect(next.ownerId).not.toBe(h.ownerId);
    expect(next.why).toMatch(/^re-routed \(not accepted by the second SLA deadline\)/);
    expect((await q(`select status from handoffs where id = $1`, [h.id]))[0].status).toBe('reassigned');
    expect(await q(`select step, late from handoff_steps where handoff_id = $1 order by fired_at, step`, [h.id])).toEqual([
      { step: 'first_touch_breach', late: false }, { step: 'reminder', late: false }, { step: 'escalation', late: false }, { step: 'reassignment', late: false },
    ]);
  });

  it('fires every step missed while the server was down, once, flagged late', async () => {
    env.clock.set(FRIDAY_3PM);
    const h = await handoffOf(await handRaise('down@downco.test'));
    env.clock.set('2026-12-01T12:00:00Z'); // back after more than a week
    await sweepSla(env.ctx);
    const again = await sweepSla(env.ctx);
    expect(await q(`select step, late from handoff_steps where handoff_id = $1 order by step`, [h.id])).toEqual([
      { step: 'escalation', late: true }, { step: 'first_touch_breach', late: true }, { step: 'reassignment', late: true }, { step: 'reminder', late: true },
    ]);
    // The re-routed lead's own clock starts now: nothing of it is due, nothing fires twice.
    expect(again).toMatchObject({ reminders: 0, escalations: 0, firstTouchBreaches: 0, reassignments: 0 });
    expect((await handoffOf(h.personId)).previousId).toBe(h.id);
  });

  it('settles the hand-off of a lead qualified straight to SQL, without a breach', async () => {
    env.clock.set(FRIDAY_3PM);
    const id = await handRaise('straight@sqlco.test');
    const h = await handoffOf(id);
    const owner = [sdrA, sdrB, manager].find((s) => s.user.id === h.ownerId)!;
    await owner.request('PUT', `/api/v1/people/${id}/qualification`, { ready: true, timing: 'Now', willing: true, need: 'Yes', able: true, budget: '10k', authority: 'CFO' });
    env.clock.set('2026-11-20T21:00:00Z');
    expect((await owner.request('POST', `/api/v1/people/${id}/sql`)).status).toBe(200);
    env.clock.set('2026-11-30T12:00:00Z');
    await sweepSla(env.ctx);
    expect(await handoffOf(id)).toMatchObject({ id: h.id, status: 'accepted', acceptedAt: '2026-11-20T21:00:00.000Z' });
    expect(await q(`select kind from sla_breaches where handoff_id = $1`, [h.id])).toEqual([{ kind: 'first_touch' }]);
  });

  it('counts a logged call as the first touch: no breach', async () => {
    env.clock.set(FRIDAY_3PM);
    const id = await handRaise('called@callco.test');
    const h = await handoffOf(id);
    const owner = h.ownerId === sdrA.user.id ? sdrA : h.ownerId === sdrB.user.id ? sdrB : manager;
    env.clock.set('2026-11-23T14:30:00Z');
    expect((await owner.request('POST', '/api/v1/activities', { personId: id, kind: 'call', subject: 'Intro call' })).status).toBe(201);
    expect((await handoffOf(id)).firstTouchAt).toBe('2026-11-23T14:30:00.000Z');
    env.clock.set('2026-11-23T16:00:00Z');
    await sweepSla(env.ctx);
    expect(await q(`select count(*)::int as n from sla_breaches where handoff_id = $1`, [h.id])).toEqual([{ n: 0 }]);
  });

  it('settles a late acceptance with how late it was, in business minutes', async () => {
    env.clock.set(FRIDAY_3PM);
    const h = await handoffOf(await handRaise('late@lateco.test'));
    const owner = h.ownerId === sdrA.user.id ? sdrA : h.ownerId === sdrB.user.id ? sdrB : manager;
    env.clock.set('2026-11-25T20:00:00Z');
    await sweepSla(env.ctx);
    env.clock.set('2026-11-26T14:30:00Z'); // Thursday 09:30 EST: Wednesday 15:00–17:00 and 09:00–09:30 are 150 business minutes
    expect((await owner.request('POST', `/api/v1/handoffs/${h.id}/accept`)).status).toBe(200);
    expect(await q(`select kind, late_minutes, resolved_at is not null as resolved from sla_breaches where handoff_id = $1 and kind = 'accept'`, [h.id])).toEqual([{ kind: 'accept', late_minutes: 150, resolved: true }]);
  });
});
