import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../support/test-app.js';

/** SQL is gated on ready, willing and able: each missing box named, each answer required for its box. */
let env: TestEnv;
beforeAll(async () => { env = await createTestEnv(); });
afterAll(async () => { await env?.close(); });

describe('ready, willing and able', () => {
  it('refuses SQL box by box until the checklist is complete, then records the transition', async () => {
    const sdr = await env.actAs('sdr');
    const person = (await env.request('POST', '/api/v1/people', { email: 'bant@qualify.test', lifecycleStage: 'mql', ownerId: sdr.user.id })).body;
    const empty = await sdr.request('POST', `/api/v1/people/${person.id}/sql`);
    expect(empty.status).toBe(422);
    expect(empty.body.errors.map((e: any) => e.path)).toEqual(['qualification.ready', 'qualification.willing', 'qualification.able']);

    const vague = await sdr.request('PUT', `/api/v1/people/${person.id}/qualification`, { ready: true, willing: true, able: true, need: 'Replace spreadsheets' });
    expect(vague.status).toBe(422);
    expect(vague.body.errors.map((e: any) => e.path).sort()).toEqual(['authority', 'budget', 'timing']);

    const partial = await sdr.request('PUT', `/api/v1/people/${person.id}/qualification`, { ready: true, timing: 'This quarter', willing: true, need: 'Replace spreadsheets' });
    expect(partial.status).toBe(200);
    const notAble = await sdr.request('POST', `/api/v1/people/${person.id}/sql`);
    expect(notAble.body.errors.map((e: any) => e.path)).toEqual(['qualification.able']);

    await sdr.request('PUT', `/api/v1/people/${person.id}/qualification`, {
      ready: true, timing: 'This quarter', willing: true, need: 'Replace spreadsheets', able: true, budget: '40k approved', authority: 'CFO in the loop',
    });
    const ok = await sdr.request('POST', `/api/v1/people/${person.id}/sql`, { reason: 'Discovery call done' });
    expect(ok.status, ok.text).toBe(200);
    expect((await env.request('GET', `/api/v1/people/${person.id}`)).body.lifecycleStage).toBe('sql');
    const { rows } = await env.handle.pool.query(`select from_stage, to_stage, actor_type, reason from stage_transitions where person_id = $1 order by id desc limit 1`, [person.id]);
    expect(rows[0]).toEqual({ from_stage: 'mql', to_stage: 'sql', actor_type: 'api_key', reason: 'Discovery call done' });
    const again = await sdr.request('POST', `/api/v1/people/${person.id}/sql`);
    expect(again.status).toBe(409);
    expect((await sdr.request('GET', `/api/v1/people/${person.id}/qualification`)).body).toMatchObject({ budget: '40k approved', able: true });
  });

  it("is for sellers, on people they work", async () => {
    const person = (await env.request('POST', '/api/v1/people', { email: 'other@qualify.test', lifecycleStage: 'mql' })).body;
    const marketing = await env.actAs('marketing');
    expect((await marketing.request('PUT', `/api/v1/people/${person.id}/qualification`, { ready: false })).body.code).toBe('forbidden');
    const rep = await env.actAs('sales_rep');
    expect((await rep.request('POST', `/api/v1/people/${person.id}/sql`)).body.code).toBe('record_forbidden');
    const lead = (await env.request('POST', '/api/v1/people', { email: 'lead@qualify.test' })).body;
    expect((await env.request('POST', `/api/v1/people/${lead.id}/sql`)).status).toBe(409);
  });
});
