import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/demo/load-demo.js';
import { createScoringModel } from '../../src/domain/scoring/create-scoring-model.js';
import { publishScoringModel } from '../../src/domain/scoring/publish-scoring-model.js';
import { rescoreAll } from '../../src/domain/scoring/rescore-all.js';
import { scorePeople } from '../../src/domain/scoring/score-people.js';
import { fixedClock } from '../../src/domain/shared/clock.js';
import { createTestEnv, type TestEnv } from '../support/test-app.js';

/**
 * Rescoring everyone reads the population in bulk (typed arrays of touches) instead of person by
 * person: on a generated company (the tiny demo: 500 people, their journeys, touches and stages)
 * plus corrections, retractions, page URLs and hand-raises after recycling, every stored score,
 * explanation and MQL move must be what the per-person path stores.
 */
let env: TestEnv;
const NOW = '2026-06-15T12:00:00Z';

type Row = Record<string, unknown>;
const snapshot = async () => ({
  scores: (await env.handle.pool.query<Row>(`select s.person_id, model_id, fit, engagement, total, grade, mql_reason, digest, explanation_digest, parts, due_at, x.explanation
    from person_scores s left join person_score_explanations x on x.person_id = s.person_id order by s.person_id`)).rows,
  moves: (await env.handle.pool.query<Row>(`select person_id, from_stage, to_stage, occurred_at, actor_id, reason, model_id, is_reentry from stage_transitions where actor_id = 'scoring:v2' order by person_id, occurred_at`)).rows,
  stages: (await env.handle.pool.query<Row>(`select id, lifecycle_stage from people order by id`)).rows,
});

beforeAll(async () => {
  env = await createTestEnv({ now: NOW });
  await loadDemo(env.handle, { scale: 'tiny', seed: 11, now: new Date(NOW) });
  const q = (text: string, values: unknown[] = []) => env.handle.pool.query(text, values);
  const campaign = (await q(`select id from campaigns order by id limit 1`)).rows[0].id as string;
  const people = (await q(`select id, email from people order by id limit 40`)).rows as { id: string; email: string }[];
  // Pages with URLs, a corrected touch and a retracted one, a recycled person who raises a hand again.
  await env.request('POST', '/api/v1/touchpoints', { touchpoints: people.slice(0, 20).map((p, i) => ({
    externalId: `fast-${i}`, occurredAt: `2026-06-1${i % 5}T10:00:0${i % 3}Z`, kind: i % 2 ? 'page_view' : 'content_download',
    email: p.email, properties: i % 3 ? { url: `https://truce.test/pricing/${i}` } : { page: '/docs/pricing' }, campaignId: i % 4 ? campaign : undefined,
  })) });
  const touches = (await q(`select id from touchpoints where external_id like 'fast-%' order by id`)).rows as { id: number }[];
  await env.request('POST', `/api/v1/touchpoints/${touches[0]!.id}/corrections`, { reason: 'wrong kind', kind: 'webinar_attended' });
  await env.request('POST', `/api/v1/touchpoints/${touches[1]!.id}/corrections`, { reason: 'test traffic', retract: true });
  await env.request('POST', '/api/v1/touchpoints', { touchpoints: [{ externalId: 'fast-back', occurredAt: '2026-06-10T09:00:00Z', kind: 'demo_request', email: people[30]!.email }] });
  await q(`update people set lifecycle_stage = 'recycled' where id = $1`, [people[30]!.id]);
  await q(`delete from stage_transitions where person_id = $1`, [people[30]!.id]);
  await q(`insert into stage_transitions (person_id, from_stage, to_stage, occurred_at, actor_type, reason) values ($1, 'mql', 'recycled', '2026-06-01T00:00:00Z', 'system', 'test')`, [people[30]!.id]);
  await q(`update accounts set custom = '{"segment": "enterprise"}' where id in (select id from accounts order by id limit 10)`);

  const draft = await createScoringModel(env.ctx, { name: 'Everything', definition: {
    halfLifeDays: 21,
    fit: [
      { id: 'senior', label: 'Senior', points: 15, when: [{ field: 'person.seniority', op: 'in', value: ['vp', 'c_level', 'director'] }] },
      { id: 'enterprise', label: 'Enterprise segment', points: 10, when: [{ field: 'account.custom.segment', op: 'eq', value: 'Enterprise' }] },
      { id: 'free-mail', label: 'Free mail', points: -10, when: [{ field: 'person.isFreeMail', op: 'eq', value: true }] },
      { id: 'big', label: '200+', points: 5, when: [{ field: 'account.employeeCount', op: 'between', value: [200, 100000] }] },
    ],
    engagement: [
      { id: 'hand', label: 'Hand-raise', points: 30, when: { kinds: ['demo_request', 'contact_sales'] } },
      { id: 'webinar', label: 'Webinar', points: 10, when: { kinds: ['webinar_attended'] }, cap: { maxPoints: 20, periodDays: 30 } },
      { id: 'campaign', label: 'Our campaign', points: 3, when: { campaignIds: [campaign] }, halfLifeDays: 7 },
      { id: 'pricing-page', label: 'Pricing page', points: 4, when: { pageContains: 'pricing' }, cap: { maxPoints: 8, periodDays: 7 } },
      { id: 'asset', label: 'An asset', points: 2, when: { assetContains: 'e' } },
      { id: 'clicks', label: 'Clicks', points: 1, when: { kinds: ['email_click', 'page_view'] }, cap: { maxPoints: 5, periodDays: 14 } },
    ],
    signals: { badgeScanOnly: { points: -5, withinDays: 30 }, unsubscribed: { points: -20 } },
    grades: { fit: [25, 15, 5], engagement: [30, 15, 5] },
    mqlThreshold: 45,
  } as never });
  await publishScoringModel(env.ctx, draft.id);
});
afterAll(async () => { await env?.close(); });

describe('rescoring everyone in bulk', () => {
  it('stores exactly what scoring each person on their own stores: scores, explanations, MQL moves', async () => {
    const before = await env.handle.pool.query(`select count(*)::int as n from people`);
    const ids = (await env.handle.pool.query<{ id: string }>(`select id from people order by id`)).rows.map((r) => r.id);
    // The per-person path first, on a copy of the stages; then back, and the bulk path.
    await env.handle.pool.query(`create table stage_copy as select id, lifecycle_stage from people`);
    for (let i = 0; i < ids.length; i += 100) await scorePeople(env.ctx, ids.slice(i, i + 100));
    const onePerOne = await snapshot();
    await env.handle.pool.query(`delete from stage_transitions where actor_id = 'scoring:v2'`);
    await env.handle.pool.query(`update people p set lifecycle_stage = c.lifecycle_stage from stage_copy c where c.id = p.id`);
    await env.handle.pool.query(`delete from person_scores`);
    await env.handle.pool.query(`delete from person_score_explanations`);

    // Everyone from the population read in bulk (by default only when more than 20,000 need it).
    const run = await rescoreAll(env.ctx, { fromPopulationAbove: 0 });
    const bulk = await snapshot();
    expect(run.scored).toBe(before.rows[0].n);
    expect(bulk.scores).toHaveLength(ids.length);
    expect(bulk.scores).toEqual(onePerOne.scores);
    expect(bulk.moves).toEqual(onePerOne.moves);
    expect(bulk.stages).toEqual(onePerOne.stages);
    // The fixture exercised what it claims to: each rule fired somewhere, someone moved, someone came back.
    const fired = new Set(bulk.scores.flatMap((s) => (s.explanation as { ruleId: string }[]).map((e) => e.ruleId)));
    for (const rule of ['senior', 'enterprise', 'webinar', 'campaign', 'pricing-page', 'asset', 'clicks', 'hand']) expect(fired, rule).toContain(rule);
    expect(run.becameMql).toBeGreaterThan(0);
    expect(bulk.moves.some((m) => m.is_reentry === true)).toBe(true);
  });

  it('rewrites only the scores that changed: scored_at is when a score last changed', async () => {
    const stamp = async () => new Map((await env.handle.pool.query<{ person_id: string; scored_at: Date; digest: string | null; total: number }>(
      `select person_id, scored_at, digest, total from person_scores`)).rows.map((r) => [r.person_id, r]));
    // The same day again: nothing changed, nothing is rewritten.
    const before = await stamp();
    const again = await rescoreAll(env.ctx);
    const same = await stamp();
    expect(again.scored).toBe(before.size);
    for (const [id, r] of same) expect(r, id).toEqual(before.get(id));
    // Days later decay moves the engaged, not those scored on fit alone: only the moved are rewritten
    // (from the stored parts alone, or from the touches where they no longer hold: badge scans
    // whose signal falls due), and what is stored — figures, digests, explanations — is what the
    // per-person path computes that day.
    let previous = before;
    for (const days of [2, 45]) {
      const later = new Date(new Date(NOW).getTime() + days * 86_400_000);
      const ctx = { ...env.ctx, clock: fixedClock(later) };
      await rescoreAll(ctx, { moveStages: false });
      const moved = await stamp();
      let rewritten = 0;
      for (const [id, r] of moved) {
        const old = previous.get(id)!;
        if (r.digest === old.digest) expect(r.scored_at, id).toEqual(old.scored_at);
        else { rewritten++; expect(r.scored_at, id).toEqual(later); }
      }
      expect(rewritten).toBeGreaterThan(0);
      expect(rewritten).toBeLessThan(moved.size);
      const bulk = await snapshot();
      await env.handle.pool.query(`update person_scores set digest = null`);
      const ids = [...moved.keys()].sort();
      for (let i = 0; i < ids.length; i += 100) await scorePeople(ctx, ids.slice(i, i + 100), undefined, { moveStages: false });
      expect((await snapshot()).scores).toEqual(bulk.scores);
      previous = await stamp();
    }
  });

  it('reads an explanation at the time of its score: decay moved the points, the stored rules stayed', async () => {
    const { rows: [row] } = await env.handle.pool.query<{ person_id: string }>(`select person_id from person_scores where explanation_digest is not null
      and engagement > 0 order by person_id limit 1`);
    const res = await env.request('GET', `/api/v1/people/${row!.person_id}/score`);
    expect(res.status).toBe(200);
    const sum = res.body.explanation.reduce((n: number, e: { points: number }) => n + e.points, 0);
    // Each rule's points are rounded on their own: their sum is the total within a cent per rule.
    expect(Math.abs(sum - res.body.total)).toBeLessThanOrEqual(0.01 * res.body.explanation.length);
    for (const e of res.body.explanation) expect(e.decayed).toBeCloseTo(e.rawPoints - e.points, 2);
  });
});
