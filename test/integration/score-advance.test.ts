import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/demo/load-demo.js';
import { advanceScores } from '../../src/domain/scoring/advance-scores.js';
import { createScoringModel } from '../../src/domain/scoring/create-scoring-model.js';
import { cachedLiveModel, parsedDefinition } from '../../src/domain/scoring/live-model-cache.js';
import { publishScoringModel } from '../../src/domain/scoring/publish-scoring-model.js';
import { rescoreAll } from '../../src/domain/scoring/rescore-all.js';
import { scorePeople } from '../../src/domain/scoring/score-people.js';
import { ingestTouchpoints } from '../../src/domain/capture/ingest-touchpoints.js';
import { scoreSoon } from '../../src/http/routes/score-soon.js';
import type { AppDeps } from '../../src/http/app.js';
import { scorePeopleJob } from '../../src/jobs/score-people.job.js';
import { createTestEnv, type TestEnv } from '../support/test-app.js';

/**
 * A touch captured through the API or a form is added to the person's stored score (its parts and
 * explanation) without reading their history; what is stored must be, to the digest, what scoring
 * every touch stores, and anything that changes the history (a touch dated earlier, a correction)
 * must be scored from every touch.
 */
let env: TestEnv;
const NOW = '2026-06-15T12:00:00Z';
const minutesAgo = (m: number) => new Date(Date.parse(NOW) - m * 60_000).toISOString();

type Stored = { person_id: string; digest: string; explanation_digest: string; parts: number[]; due_at: Date | null; touched_through: Date | null; scored_at: Date; explanation: unknown };
const stored = async (ids: string[]) => (await env.handle.pool.query<Stored>(`select s.person_id, s.digest, s.explanation_digest, s.parts, s.due_at,
    s.touched_through, s.scored_at, x.explanation from person_scores s join person_score_explanations x on x.person_id = s.person_id
    where s.person_id = any($1::uuid[]) order by s.person_id`, [ids])).rows;
const count = (e: unknown, ruleId: string) => (e as { ruleId: string; count: number }[]).find((r) => r.ruleId === ruleId)?.count ?? 0;

let people: { id: string; email: string }[];

beforeAll(async () => {
  env = await createTestEnv({ now: NOW });
  await loadDemo(env.handle, { scale: 'tiny', seed: 5, now: new Date(Date.parse(NOW) - 86_400_000) });
  const draft = await createScoringModel(env.ctx, { name: 'Advance', definition: {
    halfLifeDays: 21,
    fit: [{ id: 'senior', label: 'Senior', points: 15, when: [{ field: 'person.seniority', op: 'in', value: ['vp', 'c_level', 'director'] }] }],
    engagement: [
      { id: 'webinar', label: 'Webinar', points: 10, when: { kinds: ['webinar_attended'] }, cap: { maxPoints: 20, periodDays: 30 } },
      { id: 'pricing-page', label: 'Pricing page', points: 4, when: { pageContains: 'pricing' }, cap: { maxPoints: 8, periodDays: 7 } },
      { id: 'clicks', label: 'Clicks', points: 1, when: { kinds: ['email_click', 'page_view'] }, halfLifeDays: 5 },
    ],
    signals: { badgeScanOnly: { points: -5, withinDays: 30 }, unsubscribed: { points: -20 } },
    grades: { fit: [25, 15, 5], engagement: [30, 15, 5] },
    mqlThreshold: 200,
  } as never });
  await publishScoringModel(env.ctx, draft.id);
  await rescoreAll(env.ctx);
  // People past MQL (a move to MQL is made from the whole history, so it is not advanced).
  people = (await env.handle.pool.query<{ id: string; email: string }>(`select p.id, p.email from people p join person_scores s on s.person_id = p.id
    where p.lifecycle_stage in ('mql', 'sql', 'opportunity', 'customer') and s.touched_through < $1 order by p.id limit 16`, [minutesAgo(30)])).rows;
});
afterAll(async () => { await env?.close(); });

describe('scoring a touch from the stored score', () => {
  it('adds touches captured now to the stored score: the same score, explanation and parts as scoring every touch', async () => {
    expect(people.length).toBe(16);
    // The proof that the history is not read: a stored count made up for the first person goes on from there.
    const [first] = await stored([people[0]!.id]);
    await env.handle.pool.query(`update person_score_explanations set explanation = (select jsonb_agg(case when e->>'ruleId' = 'clicks'
      then jsonb_set(e, '{count}', to_jsonb((e->>'count')::int + 100)) else e end) from jsonb_array_elements(explanation) e) where person_id = $1`, [people[0]!.id]);
    const kinds = ['page_view', 'webinar_attended', 'email_click', 'badge_scan', 'email_open', 'email_unsubscribe'];
    const res = await env.request('POST', '/api/v1/touchpoints', { touchpoints: people.flatMap((p, i) => [0, 1, 2].map((k) => ({
      externalId: `adv-${i}-${k}`, occurredAt: minutesAgo(20 - k * 5 - (i % 3)), kind: k === 0 && i === 0 ? 'email_click' : kinds[(i + k) % kinds.length],
      email: p.email, properties: (i + k) % 2 ? { url: 'https://truce.test/pricing' } : {},
    }))) });
    expect(res.status).toBe(201);
    const advanced = await stored(people.map((p) => p.id));
    const theirs = advanced.find((s) => s.person_id === people[0]!.id)!;
    expect(count(theirs.explanation, 'clicks')).toBe(count(first!.explanation, 'clicks') + 100 + 2);
    expect(theirs.touched_through).toEqual(new Date(minutesAgo(10)));

    // Scored again from every touch: nothing moves for the others (same digests, not even rewritten).
    await scorePeople(env.ctx, people.map((p) => p.id));
    const full = await stored(people.map((p) => p.id));
    expect(full.slice(1)).toEqual(advanced.slice(1));
    expect(count(full[0]!.explanation, 'clicks')).toBe(count(first!.explanation, 'clicks') + 2);
    // …and every rule and signal was in play.
    const rules = new Set(advanced.flatMap((s) => (s.explanation as { ruleId: string }[]).map((e) => e.ruleId)));
    for (const rule of ['webinar', 'pricing-page', 'clicks', 'unsubscribed']) expect(rules).toContain(rule);
    expect(advanced.some((s) => s.due_at !== null)).toBe(true); // a badge scan waiting for its signal

    // Nearly everyone took the short way: a count made up for each goes on from there on their next touch.
    await env.handle.pool.query(`update person_score_explanations set explanation = (select jsonb_agg(jsonb_set(e, '{count}', to_jsonb((e->>'count')::int + 100)))
      from jsonb_array_elements(explanation) e) where person_id = any($1::uuid[])`, [people.map((p) => p.id)]);
    const next = await env.request('POST', '/api/v1/touchpoints', { touchpoints: people.map((p, i) => ({
      externalId: `adv-next-${i}`, occurredAt: minutesAgo(2), kind: 'email_click', email: p.email })) });
    expect(next.status).toBe(201);
    const made = (await stored(people.map((p) => p.id))).filter((s) => count(s.explanation, 'clicks') > 100);
    expect(made.length).toBeGreaterThan(12);
  });

  it('takes the touches of a large batch on from the stored scores in the background job too', async () => {
    // More people than a request scores itself: the batch goes to the score-people job.
    // The one watched is past MQL (so no MQL move sends it down the long way); the others anyone scored.
    const many = (await env.handle.pool.query<{ id: string; email: string }>(`select p.id, p.email from people p join person_scores s on s.person_id = p.id
      where s.touched_through < $1 and p.id <> all($2::uuid[])
      order by p.lifecycle_stage in ('mql', 'sql', 'opportunity', 'customer') desc, p.id limit 60`,
    [minutesAgo(30), people.map((p) => p.id)])).rows;
    expect(many.length).toBe(60);
    const target = many[0]!;
    const [before] = await stored([target.id]);
    await env.handle.pool.query(`update person_score_explanations set explanation = (select jsonb_agg(case when e->>'ruleId' = 'clicks'
      then jsonb_set(e, '{count}', to_jsonb((e->>'count')::int + 100)) else e end) from jsonb_array_elements(explanation) e) where person_id = $1`, [target.id]);
    const { personIds, firstAt } = await ingestTouchpoints(env.ctx, many.map((p, i) => ({
      externalId: `adv-job-${i}`, occurredAt: minutesAgo(3), kind: 'email_click', email: p.email })));
    const sent: { job: string; data: object }[] = [];
    await scoreSoon({ enqueue: async (job: string, data: object) => { sent.push({ job, data }); } } as unknown as AppDeps, env.ctx, personIds, firstAt);
    expect(sent.map((j) => j.job)).toEqual(['score-people']);
    await scorePeopleJob.handler(env.ctx, sent[0]!.data as never, {} as never);
    // The made-up count went on: the job added the click to the stored score, not to the history.
    const [after] = await stored([target.id]);
    expect(count(after!.explanation, 'clicks')).toBe(count(before!.explanation, 'clicks') + 100 + 1);
  });

  it('scores from every touch when a touch is dated before what the score holds, or corrects one', async () => {
    const p = people[5]!;
    const fullScore = async () => {
      const [now] = await stored([p.id]);
      await env.handle.pool.query(`update person_scores set digest = null where person_id = $1`, [p.id]);
      await scorePeople(env.ctx, [p.id]);
      const [again] = await stored([p.id]);
      return { now: { ...now!, scored_at: null, digest: null }, again: { ...again!, scored_at: null, digest: null } };
    };
    // A capture holding a touch dated before what the score holds, and one of now.
    const late = await env.request('POST', '/api/v1/touchpoints', { touchpoints: [
      { externalId: 'adv-old', occurredAt: '2026-05-01T10:00:00Z', kind: 'webinar_attended', email: p.email },
      { externalId: 'adv-now', occurredAt: minutesAgo(1), kind: 'email_click', email: p.email },
    ] });
    expect(late.status).toBe(201);
    const a = await fullScore();
    expect(a.now).toEqual(a.again);
    const { rows: [t] } = await env.handle.pool.query<{ id: number }>(`select id from touchpoints where external_id = 'adv-old'`);
    const fix = await env.request('POST', `/api/v1/touchpoints/${t!.id}/corrections`, { reason: 'was a page view', kind: 'page_view' });
    expect(fix.status).toBe(201);
    const b = await fullScore();
    expect(b.now).toEqual(b.again);
    expect(b.now.explanation).not.toEqual(a.now.explanation);
  });

  it('never overwrites a score rewritten between its read and its write: that person is left for scoring from every touch', async () => {
    const p = people[9]!;
    await env.handle.pool.query(`insert into touchpoints (external_id, occurred_at, person_id, channel, kind, side, recorded_by)
      values ('adv-race', $1, $2, 'email', 'email_click', 'marketing', 'test')`, [minutesAgo(1), p.id]);
    const pool = env.handle.pool;
    // A database on which another writer rewrites the score just before ours is written.
    const racing = { $client: { query: async (q: { name?: string }) => {
      if (q.name === 'truce_advance_score') await pool.query(`update person_scores set digest = 'meanwhile' where person_id = $1`, [p.id]);
      return pool.query(q as never);
    } } };
    const live = (await cachedLiveModel(env.ctx))!;
    const left = await advanceScores({ ...env.ctx, db: racing as never }, live, parsedDefinition(live), [p.id], new Map([[p.id, new Date(minutesAgo(1))]]));
    expect(left).toEqual([p.id]);
    expect((await pool.query(`select digest from person_scores where person_id = $1`, [p.id])).rows[0].digest).toBe('meanwhile');
  });

  it('leaves a score of another model to scoring from every touch', async () => {
    const p = people[7]!;
    await env.handle.pool.query(`insert into touchpoints (external_id, occurred_at, person_id, channel, kind, side, recorded_by)
      values ('adv-cas', $1, $2, 'email', 'email_click', 'marketing', 'test')`, [minutesAgo(1), p.id]);
    // Another model's score (its stored counts made up, so going on from them would show).
    const { rows: [other] } = await env.handle.pool.query<{ id: string }>(`select id from scoring_models where status <> 'published' limit 1`);
    await env.handle.pool.query(`update person_scores set model_id = $1 where person_id = $2`, [other!.id, p.id]);
    await env.handle.pool.query(`update person_score_explanations set explanation = (select jsonb_agg(jsonb_set(e, '{count}', to_jsonb((e->>'count')::int + 100)))
      from jsonb_array_elements(explanation) e) where person_id = $1`, [p.id]);
    await scorePeople(env.ctx, [p.id], undefined, { firstAt: new Map([[p.id, new Date(minutesAgo(1))]]) });
    const [after] = await stored([p.id]);
    await env.handle.pool.query(`update person_scores set digest = null where person_id = $1`, [p.id]);
    await scorePeople(env.ctx, [p.id]);
    const [full] = await stored([p.id]);
    expect({ ...after!, scored_at: null, digest: null }).toEqual({ ...full!, scored_at: null, digest: null });
    expect((await env.handle.pool.query(`select model_id from person_scores where person_id = $1`, [p.id])).rows[0].model_id).not.toBe(other!.id);
  });
});
