import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../support/test-app.js';

/** The rule editor's preview: how many people each rule of an unsaved definition fires for, today. */
let env: TestEnv;
const NOW = '2026-06-15T12:00:00Z';
const definition = {
  halfLifeDays: 30,
  fit: [
    { id: 'vp-plus', label: 'VP or C-level', points: 20, when: [{ field: 'person.seniority', op: 'in', value: ['vp', 'c_level'] }] },
    { id: 'nobody', label: 'Nobody', points: 5, when: [{ field: 'account.tier', op: 'eq', value: 'strategic' }] },
  ],
  engagement: [
    { id: 'webinar', label: 'Attended a webinar', points: 10, when: { kinds: ['webinar_attended'] } },
    { id: 'download', label: 'Downloaded', points: 6, when: { kinds: ['content_download'] }, halfLifeDays: 30 },
  ],
  signals: { unsubscribed: { points: -20 } },
  mqlThreshold: 20,
};

beforeAll(async () => {
  env = await createTestEnv({ now: NOW });
  // 12 people: 4 at a webinar today (one of them a VP), 8 downloaded exactly 30 days ago (one half-life).
  const touches = Array.from({ length: 12 }, (_, i) => ({
    externalId: `pv-${i}`, email: `pv${i}@preview-co.test`,
    ...(i < 4 ? { occurredAt: NOW, kind: 'webinar_attended' } : { occurredAt: '2026-05-16T12:00:00Z', kind: 'content_download' }),
  }));
  expect((await env.request('POST', '/api/v1/touchpoints', { touchpoints: touches })).status).toBe(201);
  const vp = (await env.request('GET', '/api/v1/people?q=pv0@')).body.data[0];
  expect((await env.request('PATCH', `/api/v1/people/${vp.id}`, { seniority: 'vp' })).status).toBe(200);
});
afterAll(async () => { await env?.close(); });

describe('rule preview', () => {
  it('counts the people each rule fires for and the points it gives them, in the order of the rules', async () => {
    const marketing = await env.actAs('marketing');
    const res = await marketing.request('POST', '/api/v1/scoring/preview', { definition });
    expect(res.status).toBe(200);
    expect(res.body.population).toBe(12);
    expect(res.body.rules).toEqual([
      { ruleId: 'vp-plus', label: 'VP or C-level', source: 'fit', people: 1, points: 20 },
      { ruleId: 'nobody', label: 'Nobody', source: 'fit', people: 0, points: 0 },
      { ruleId: 'webinar', label: 'Attended a webinar', source: 'engagement', people: 4, points: 40 },
      { ruleId: 'download', label: 'Downloaded', source: 'engagement', people: 8, points: 24 },
      { ruleId: 'unsubscribed', label: 'Unsubscribed or opted out', source: 'signal', people: 0, points: 0 },
    ]);
    // The VP at the webinar (30) is over 20; the others at 10 or 3 are not.
    expect(res.body.mqlsByScore).toBe(1);
  });

  it('follows the edit: a lower threshold and a wider rule change the counts', async () => {
    const res = await env.request('POST', '/api/v1/scoring/preview', { definition: {
      ...definition, mqlThreshold: 3, engagement: [{ ...definition.engagement[0], when: { kinds: ['webinar_attended', 'content_download'] } }],
    } });
    expect(res.body.rules.find((r: { ruleId: string }) => r.ruleId === 'webinar')).toMatchObject({ people: 12, points: 80 });
    expect(res.body.mqlsByScore).toBe(12);
  });

  it('reports a bad rule by its path, and refuses roles that do not edit models', async () => {
    const bad = await env.request('POST', '/api/v1/scoring/preview', { definition: { ...definition, engagement: [{ ...definition.engagement[0], halfLifeDays: 0 }] } });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toContain('definition.engagement.0.halfLifeDays');
    const rep = await env.actAs('sales_rep');
    expect((await rep.request('POST', '/api/v1/scoring/preview', { definition })).status).toBe(403);
  });
});
