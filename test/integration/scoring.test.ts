import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../support/test-app.js';

/**
 * Scoring models through the API: drafts validated by field path, publishing refused when it would
 * flood sales, every person scored with an explanation, hand-raisers made MQL at once with the
 * model recorded, scores following new touches, and history never rewritten.
 */
let env: TestEnv;
const NOW = '2026-06-15T12:00:00Z';

const definition = (threshold = 40) => ({
  halfLifeDays: 30,
  fit: [
    { id: 'vp-plus', label: 'VP or C-level', points: 20, when: [{ field: 'person.seniority', op: 'in', value: ['vp', 'c_level'] }] },
    { id: 'free-mail', label: 'Free-mail address', points: -10, when: [{ field: 'person.isFreeMail', op: 'eq', value: true }] },
  ],
  engagement: [
    { id: 'webinar', label: 'Attended a webinar', points: 15, when: { kinds: ['webinar_attended'] } },
    { id: 'download', label: 'Downloaded content', points: 5, when: { kinds: ['content_download'] }, cap: { maxPoints: 10, periodDays: 30 } },
  ],
  signals: { badgeScanOnly: { points: -5, withinDays: 30 } },
  mqlThreshold: threshold,
});

beforeAll(async () => {
  env = await createTestEnv({ now: NOW });
  // 30 people: 10 attended two webinars, 20 downloaded once; a VP among the webinar crowd.
  const touches = [];
  for (let i = 0; i < 30; i++) {
    const email = `p${i}@scoring-co${i % 3}.test`;
    if (i < 10) {
      touches.push({ externalId: `w1-${i}`, occurredAt: '2026-06-14T10:00:00Z', kind: 'webinar_attended', email });
      touches.push({ externalId: `w2-${i}`, occurredAt: '2026-06-15T10:00:00Z', kind: 'webinar_attended', email });
    } else {
      touches.push({ externalId: `d-${i}`, occurredAt: '2026-05-16T12:00:00Z', kind: 'content_download', email });
    }
  }
  expect((await env.request('POST', '/api/v1/touchpoints', { touchpoints: touches })).status).toBe(201);
  const vp = (await env.request('GET', '/api/v1/people?q=p0@')).body.data[0];
  await env.request('PATCH', `/api/v1/people/${vp.id}`, { seniority: 'vp' });
});
afterAll(async () => { await env?.close(); });

describe('scoring models', () => {
  it('refuse a bad definition by field path, and anyone but marketing or admin', async () => {
    const bad = await env.request('POST', '/api/v1/scoring/models', { name: 'Broken', definition: {
      halfLifeDays: -1, fit: [{ id: 'x', label: 'x', points: 1, when: [{ field: 'person.shoeSize', op: 'eq', value: 1 }] }], mqlThreshold: 0,
    } });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: any) => e.path)).toEqual(expect.arrayContaining(['definition.halfLifeDays', 'definition.fit.0.when.0.field', 'definition.mqlThreshold']));
    const rep = await env.actAs('sales_rep');
    const denied = await rep.request('POST', '/api/v1/scoring/models', { name: 'Mine', definition: definition() });
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('forbidden');
  });

  it('will not publish a model that makes everyone an MQL', async () => {
    const marketing = await env.actAs('marketing');
    const flood = await marketing.request('POST', '/api/v1/scoring/models', { name: 'Flood', definition: definition(1) });
    expect(flood.body).toMatchObject({ status: 'draft', version: 1 });
    const res = await marketing.request('POST', `/api/v1/scoring/models/${flood.body.id}/publish`);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('model_unsafe');
    expect(res.body.errors[0].path).toBe('definition.mqlThreshold');
  });

  it('scores everyone on publish, explains each score, and freezes the model', async () => {
    const marketing = await env.actAs('marketing');
    const draft = await marketing.request('POST', '/api/v1/scoring/models', { name: 'Webinar-led', definition: definition(40) });
    const live = await marketing.request('POST', `/api/v1/scoring/models/${draft.body.id}/publish`);
    expect(live.status, live.text).toBe(200);
    expect(live.body).toMatchObject({ status: 'published', version: 2 });

    const vp = (await env.request('GET', '/api/v1/people?q=p0@')).body.data[0];
    const score = (await env.request('GET', `/api/v1/people/${vp.id}/score`)).body;
    // Two webinars, 1 day and ~2 hours old, with a 30-day half-life, and 20 fit points.
    const decayed = 15 * 0.5 ** ((1 + 2 / 24) / 30) + 15 * 0.5 ** ((2 / 24) / 30);
    expect(score.fit).toBe(20);
    expect(score.engagement).toBeCloseTo(decayed, 1);
    expect(score).toMatchObject({ modelVersion: 2, grade: expect.stringMatching(/^[A-D][1-4]$/), mqlReason: 'score' });
    const webinar = score.explanation.find((e: any) => e.ruleId === 'webinar');
    expect(webinar).toMatchObject({ count: 2, rawPoints: 30 });
    expect(webinar.decayed).toBeCloseTo(30 - decayed, 1);

    const person = (await env.request('GET', `/api/v1/people/${vp.id}`)).body;
    expect(person.lifecycleStage).toBe('mql');
    const downloader = (await env.request('GET', '/api/v1/people?q=p20@')).body.data[0];
    expect((await env.request('GET', `/api/v1/people/${downloader.id}/score`)).body.engagement).toBeCloseTo(5 * 0.5, 1);
    expect(downloader.lifecycleStage).toBe('lead');

    // A field change that lifts the score over the threshold: the answer already says MQL.
    const attendee = (await env.request('GET', '/api/v1/people?q=p4@')).body.data[0];
    expect(attendee.lifecycleStage).toBe('lead');
    const lifted = await env.request('PATCH', `/api/v1/people/${attendee.id}`, { seniority: 'c_level' });
    expect(lifted.body.lifecycleStage).toBe('mql');

    const frozen = await marketing.request('PATCH', `/api/v1/scoring/models/${draft.body.id}`, { name: 'Sneaky change' });
    expect(frozen.status).toBe(409);
    expect(frozen.body.code).toBe('model_not_draft');
  });

  it('makes a hand-raiser an MQL at once, recording the model and the reason', async () => {
    await env.request('POST', '/api/v1/forms', { key: 'demo', name: 'Book a demo', kind: 'demo_request' });
    const post = await env.request('POST', '/f/demo', { email: 'raiser@gmail.com', firstName: 'Rae' }, { authorization: '' });
    expect(post.status).toBe(201);
    const rae = (await env.request('GET', '/api/v1/people?q=raiser')).body.data[0];
    expect(rae.lifecycleStage).toBe('mql');
    const score = (await env.request('GET', `/api/v1/people/${rae.id}/score`)).body;
    expect(score.mqlReason).toBe('hand_raise');
    expect(score.fit).toBe(-10);
    const { rows } = await env.handle.pool.query(`select to_stage, reason, model_id, actor_id from stage_transitions where person_id = $1 order by id`, [rae.id]);
    expect(rows.at(-1)).toMatchObject({ to_stage: 'mql', reason: 'hand-raise', model_id: score.modelId, actor_id: 'scoring:v2' });
  });

  it('follows a new touch at once, and keeps the old version as history when a new one goes live', async () => {
    const downloader = (await env.request('GET', '/api/v1/people?q=p21@')).body.data[0];
    await env.request('POST', '/api/v1/touchpoints', { touchpoints: [
      { externalId: 'late-webinar', occurredAt: NOW, kind: 'webinar_attended', personId: downloader.id },
    ] });
    const after = (await env.request('GET', `/api/v1/people/${downloader.id}/score`)).body;
    expect(after.engagement).toBeCloseTo(15 + 2.5, 1);

    const marketing = await env.actAs('marketing');
    const v3 = await marketing.request('POST', '/api/v1/scoring/models', { name: 'Stricter', definition: definition(45) });
    expect((await marketing.request('POST', `/api/v1/scoring/models/${v3.body.id}/publish`)).status).toBe(200);
    const models = (await env.request('GET', '/api/v1/scoring/models')).body.data;
    expect(models.map((m: any) => [m.version, m.status])).toEqual([[3, 'published'], [2, 'retired'], [1, 'draft']]);
    expect((await env.request('GET', `/api/v1/people/${downloader.id}/score`)).body.modelVersion).toBe(3);
  });

  it('rolls the people of an account up into an account score that can qualify the account as a whole', async () => {
    const vp = (await env.request('GET', '/api/v1/people?q=p0@')).body.data[0];
    const people = (await env.request('GET', `/api/v1/people?accountId=${vp.accountId}&limit=100`)).body.data;
    const scores = await Promise.all(people.map(async (p: any) => (await env.request('GET', `/api/v1/people/${p.id}/score`)).body));
    const top5 = scores.map((x: any) => Math.max(0, x.engagement)).sort((a: number, b: number) => b - a).slice(0, 5);
    const res = await env.request('GET', `/api/v1/accounts/${vp.accountId}/score`);
    expect(res.status, res.text).toBe(200);
    expect(res.body.engagement).toBeCloseTo(top5.reduce((a: number, b: number) => a + b, 0), 1);
    expect(res.body).toMatchObject({ people: people.length, threshold: 90, modelVersion: 3 });
    // Four webinar attendees (about 30 points each) carry it over the 90 needed; one MQL alone would not.
    expect(res.body.engagement).toBeGreaterThan(90);
    expect(res.body).toMatchObject({ qualified: true, qualifiedBecause: 'engagement', mqls: people.filter((p: any) => p.lifecycleStage === 'mql').length });
    expect(res.body.mqls).toBe(1);
    expect(res.body.top[0].engagement).toBeCloseTo(top5[0]!, 5);
    const rep = await env.actAs('sales_rep');
    expect((await rep.request('GET', `/api/v1/accounts/${vp.accountId}/score`)).status).toBe(403);
  });

  it('lets a recycled person come back by raising a hand again, counted as a re-entry', async () => {
    const rae = (await env.request('GET', '/api/v1/people?q=raiser')).body.data[0];
    await env.handle.pool.query(`update people set lifecycle_stage = 'recycled' where id = $1`, [rae.id]);
    await env.handle.pool.query(`insert into stage_transitions (person_id, from_stage, to_stage, occurred_at, actor_type, reason) values ($1, 'mql', 'recycled', $2, 'user', 'bad timing')`, [rae.id, '2026-06-15T12:30:00Z']);
    // A rescore alone does not bring them back: the hand-raise they made is older than the recycling.
    await env.request('PATCH', `/api/v1/people/${rae.id}`, { title: 'Head of Ops' });
    expect((await env.request('GET', `/api/v1/people/${rae.id}`)).body.lifecycleStage).toBe('recycled');
    env.clock.set('2026-06-16T09:00:00Z');
    expect((await env.request('POST', '/f/demo', { email: 'raiser@gmail.com' }, { authorization: '' })).status).toBe(201);
    env.clock.set(NOW);
    expect((await env.request('GET', `/api/v1/people/${rae.id}`)).body.lifecycleStage).toBe('mql');
    const { rows } = await env.handle.pool.query(`select from_stage, to_stage, is_reentry, reason from stage_transitions where person_id = $1 order by occurred_at desc, id desc limit 1`, [rae.id]);
    expect(rows[0]).toEqual({ from_stage: 'recycled', to_stage: 'mql', is_reentry: true, reason: 'hand-raise (came back)' });
  });
});

