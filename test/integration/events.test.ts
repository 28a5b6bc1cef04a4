import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scorePeople } from '../../src/domain/scoring/score-people.js';
import { createTestEnv, type TestEnv } from '../support/test-app.js';

/** The outbox: stage and grade changes become events in the same transaction, and nothing else does. */
let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
  const model = await env.request('POST', '/api/v1/scoring/models', { name: 'Webinars', definition: {
    halfLifeDays: 30, fit: [], engagement: [{ id: 'webinar', label: 'Attended a webinar', points: 30, when: { kinds: ['webinar_attended'] } }], mqlThreshold: 100,
  } });
  expect((await env.request('POST', `/api/v1/scoring/models/${model.body.id}/publish`)).status).toBe(200);
});
afterAll(async () => { await env?.close(); });

const events = async (personId: string) => (await env.handle.pool.query(`select type, data from events where subject_id = $1 order by id`, [personId])).rows;

describe('events', () => {
  it('records each stage change and each change of grade, once, and not a rescore that changes nothing', async () => {
    const touch = (n: number) => ({ externalId: `ev-${n}`, occurredAt: env.clock.now().toISOString(), kind: 'webinar_attended', email: 'eve@events.test' });
    expect((await env.request('POST', '/api/v1/touchpoints', { touchpoints: [touch(1)] })).status).toBe(201);
    const person = (await env.request('GET', '/api/v1/people?q=eve@events.test')).body.data[0];
    const first = await events(person.id);
    expect(first.map((e) => e.type)).toEqual(['person.stage_changed']);
    expect(first[0].data).toMatchObject({ personId: person.id, from: null, to: 'lead' });

    const before = (await env.request('GET', `/api/v1/people/${person.id}/score`)).body.grade;
    expect((await env.request('POST', '/api/v1/touchpoints', { touchpoints: [touch(2), touch(3)] })).status).toBe(201);
    const after = (await env.request('GET', `/api/v1/people/${person.id}/score`)).body.grade;
    expect(after).not.toBe(before);
    const changed = (await events(person.id)).filter((e) => e.type === 'person.score_changed');
    expect(changed.map((e) => [e.data.previousGrade, e.data.grade])).toEqual([[before, after]]);

    await scorePeople(env.ctx, [person.id]);
    expect((await events(person.id)).filter((e) => e.type === 'person.score_changed')).toHaveLength(1);
  });
});
