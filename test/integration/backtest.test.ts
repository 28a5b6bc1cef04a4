import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../support/test-app.js';

/**
 * A history with a known signal: 2,000 leads, the 200 who attended a webinar convert far more
 * often. The back-test's AUC and lift are checked against the same figures computed here from
 * the generated labels, and a model blind to the signal scores no better than chance.
 */
let env: TestEnv;
const N = 2_000;
const SIGNAL = 200;
const labels: { signal: boolean; converted: boolean; customer: boolean }[] = [];

function random(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

const model = (rule: object) => ({ fit: [], engagement: [rule], mqlThreshold: 5, halfLifeDays: 3650 });

beforeAll(async () => {
  env = await createTestEnv({ now: '2026-06-15T12:00:00Z' });
  env.clock.set('2026-02-28T00:00:00Z');
  const rnd = random(11);
  const touches = [];
  for (let i = 0; i < N; i++) {
    const signal = i < SIGNAL;
    const converted = rnd() < (signal ? 0.6 : 0.1);
    labels.push({ signal, converted, customer: converted && rnd() < 0.4 });
    touches.push({ externalId: `pv-${i}`, occurredAt: '2026-02-05T10:00:00Z', kind: 'page_view', email: `lead${i}@history.test` });
    if (signal) touches.push({ externalId: `wb-${i}`, occurredAt: '2026-02-10T10:00:00Z', kind: 'webinar_attended', email: `lead${i}@history.test` });
  }
  expect((await env.request('POST', '/api/v1/touchpoints', { touchpoints: touches })).status).toBe(201);
  env.clock.set('2026-06-15T12:00:00Z');
  // Outcomes after the cutoff (2026-03-01): SQL on 1 April, customer on 1 May.
  const { rows } = await env.handle.pool.query<{ id: string; email: string }>(`select id, email from people where email like '%@history.test'`);
  const idOf = new Map(rows.map((r) => [r.email, r.id]));
  const values: string[] = [];
  labels.forEach((l, i) => {
    const id = idOf.get(`lead${i}@history.test`)!;
    if (l.converted) values.push(`('${id}', 'lead', 'sql', '2026-04-01T00:00:00Z', 'system')`);
    if (l.customer) values.push(`('${id}', 'sql', 'customer', '2026-05-01T00:00:00Z', 'system')`);
  });
  await env.handle.pool.query(`insert into stage_transitions (person_id, from_stage, to_stage, occurred_at, actor_type) values ${values.join(', ')}`);
});
afterAll(async () => { await env?.close(); });

describe('back-test', () => {
  it('measures a model on what happened after the cutoff, beside the live model', async () => {
    const blind = await env.request('POST', '/api/v1/scoring/models', { name: 'Page views', definition: model({ id: 'pv', label: 'Viewed a page', points: 10, when: { kinds: ['page_view'] } }) });
    // The blind model makes everyone an MQL: publishing it is refused, so it goes live through the database for this test.
    await env.handle.pool.query(`update scoring_models set status = 'published', published_at = now() where id = $1`, [blind.body.id]);
    const draft = await env.request('POST', '/api/v1/scoring/models', { name: 'Webinars', definition: model({ id: 'wb', label: 'Attended a webinar', points: 10, when: { kinds: ['webinar_attended'] } }) });
    const res = await env.request('POST', `/api/v1/scoring/models/${draft.body.id}/backtest`, { cutoff: '2026-03-01', horizonDays: 120 });
    expect(res.status, res.text).toBe(200);
    const r = res.body;

    const conv = labels.filter((l) => l.converted).length;
    const a = labels.filter((l) => l.signal && l.converted).length;
    const b = conv - a;
    const c = SIGNAL - a;
    const d = N - SIGNAL - b;
    const auc = (a * d + 0.5 * (a * c + b * d)) / (conv * (N - conv));
    const lift = (a / SIGNAL) / (conv / N);
    expect(r).toMatchObject({ population: N, converters: conv, customers: labels.filter((l) => l.customer).length });
    expect(r.model.auc).toBeCloseTo(auc, 10);
    expect(r.model.topDecileLift).toBeCloseTo(lift, 10);
    expect(r.model.auc).toBeGreaterThan(0.6);
    expect(r.model).toMatchObject({ mqlsAtCutoff: SIGNAL, convertersCaught: a, customersCaught: labels.filter((l) => l.signal && l.customer).length });
    expect(r.model.mqlsPerMonth).toEqual([
      { month: '2025-09', mqls: 0 }, { month: '2025-10', mqls: 0 }, { month: '2025-11', mqls: 0 },
      { month: '2025-12', mqls: 0 }, { month: '2026-01', mqls: 0 }, { month: '2026-02', mqls: SIGNAL },
    ]);
    expect(r.live).toMatchObject({ name: 'Page views', auc: 0.5, mqlsAtCutoff: N });
  });

  it('refuses a cutoff in the future, by field, and defaults to 90 days ago', async () => {
    const models = (await env.request('GET', '/api/v1/scoring/models')).body.data;
    const res = await env.request('POST', `/api/v1/scoring/models/${models[0].id}/backtest`, { cutoff: '2027-01-01' });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].path).toBe('cutoff');
    const byDefault = await env.request('POST', `/api/v1/scoring/models/${models[0].id}/backtest`);
    expect(byDefault.status, byDefault.text).toBe(200);
    expect(byDefault.body).toMatchObject({ cutoff: '2026-03-17T00:00:00.000Z', horizonDays: 90 });
  });

  it('suggests weights from history that favour the real signal, reports held-out AUC, and the suggestion can be adopted', async () => {
    const draft = await env.request('POST', '/api/v1/scoring/models', { name: 'Everything equal', definition: {
      fit: [{ id: 'senior', label: 'Senior', points: 10, when: [{ field: 'person.seniority', op: 'in', value: ['vp'] }] }],
      engagement: [
        { id: 'wb', label: 'Attended a webinar', points: 10, when: { kinds: ['webinar_attended'] } },
        { id: 'pv', label: 'Viewed a page', points: 10, when: { kinds: ['page_view'] } },
      ],
      mqlThreshold: 15,
    } });
    const res = await env.request('POST', `/api/v1/scoring/models/${draft.body.id}/suggest-weights`, { cutoff: '2026-03-01', horizonDays: 120 });
    expect(res.status, res.text).toBe(200);
    const s = res.body;
    expect(s).toMatchObject({ population: N, trained: expect.any(Number), heldOut: expect.any(Number) });
    expect(s.trained + s.heldOut).toBe(N);
    expect(s.excluded).toEqual([{ ruleId: 'senior', reason: 'reads a field sales may set after contact' }]);
    const wb = s.rules.find((r: any) => r.ruleId === 'wb');
    const pv = s.rules.find((r: any) => r.ruleId === 'pv');
    expect(wb.coefficient).toBeGreaterThan(1.5);
    expect(wb.points).toBe(10);
    expect(Math.abs(pv.points)).toBeLessThan(wb.points);
    expect(s.heldOutAuc).toBeGreaterThan(0.6);
    const adopted = await env.request('POST', '/api/v1/scoring/models', { name: 'Learned', definition: s.definition, basedOnId: draft.body.id });
    expect(adopted.status, adopted.text).toBe(201);
    expect(adopted.body.definition.engagement.find((r: any) => r.id === 'wb').points).toBe(10);
  });
});
