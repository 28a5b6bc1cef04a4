import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scoreImportedPeople } from '../../src/domain/handoff/score-imported-people.js';
import { createTestEnv, type TestEnv } from '../support/test-app.js';

/** A trade-show list's hand-raisers reach sales the day it is imported, not after the nightly rescore. */
let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
  const model = await env.request('POST', '/api/v1/scoring/models', { name: 'Hand-raise', definition: {
    halfLifeDays: 30, fit: [], engagement: [{ id: 'scan', label: 'Badge scan', points: 5, when: { kinds: ['badge_scan'] } }], mqlThreshold: 100,
  } });
  expect((await env.request('POST', `/api/v1/scoring/models/${model.body.id}/publish`)).status).toBe(200);
  const sdr = await env.actAs('sdr', { name: 'Sam SDR' });
  await env.request('POST', '/api/v1/routing/rules', { name: 'Queue', kind: 'fallback', targetUserId: sdr.user.id });
});
afterAll(async () => { await env?.close(); });

describe('after an import', () => {
  it('scores the people it touched and routes the new MQLs', async () => {
    const csv = ['email,kind,occurred_at,external_id', 'raiser@expo.test,demo_request,2026-06-14T10:00:00Z,expo-1', 'browser@expo.test,page_view,2026-06-14T11:00:00Z,expo-2'].join('\n');
    const res = await env.request('POST', '/api/v1/imports/touchpoints', csv, { 'content-type': 'text/csv' });
    expect(res.status, res.text).toBe(201);
    expect(res.body.rowsOk).toBe(2);
    const before = (await env.request('GET', '/api/v1/people?q=raiser@expo.test')).body.data[0];
    expect(before.lifecycleStage).toBe('lead');
    expect(await scoreImportedPeople(env.ctx, res.body.id)).toEqual({ scored: 2, becameMql: 1, routed: 1 });
    expect((await env.request('GET', `/api/v1/people/${before.id}`)).body.lifecycleStage).toBe('mql');
    const queue = (await env.request('GET', `/api/v1/handoffs?personId=${before.id}`)).body.data;
    expect(queue.map((h: any) => [h.personEmail, h.ownerName])).toEqual([['raiser@expo.test', 'Sam SDR']]);
    expect(await scoreImportedPeople(env.ctx, res.body.id)).toMatchObject({ becameMql: 0, routed: 0 });
  });
});
