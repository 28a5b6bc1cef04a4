import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../support/test-app.js';

/** Lifecycle stages keep their codes; the company names them (settings key lifecycle.stage_labels). */
let env: TestEnv;
beforeAll(async () => { env = await createTestEnv({ now: '2026-06-15T12:00:00Z' }); });
afterAll(async () => { await env?.close(); });

describe('lifecycle stage labels', () => {
  it('are the defaults until someone renames a stage', async () => {
    const res = await env.request('GET', '/api/v1/lifecycle/stage-labels');
    expect(res.status).toBe(200);
    expect(res.body.labels.mql).toBe('MQL');
    expect(res.body.labels).toEqual(res.body.defaults);
    expect(res.body.updatedAt).toBeNull();
  });

  it('marketing renames stages; everyone reads them; a stage left out goes back to its default', async () => {
    const marketing = await env.actAs('marketing');
    const put = await marketing.request('PUT', '/api/v1/lifecycle/stage-labels', { labels: { lead: 'Inquiry', mql: 'Marketing qualified' } });
    expect(put.status).toBe(200);
    expect(put.body.labels).toMatchObject({ lead: 'Inquiry', mql: 'Marketing qualified', sal: 'SAL' });
    expect(put.body.updatedAt).toBe('2026-06-15T12:00:00.000Z');
    const rep = await env.actAs('sales_rep');
    const read = await rep.request('GET', '/api/v1/lifecycle/stage-labels');
    expect(read.body.labels.lead).toBe('Inquiry');
    const stored = await env.handle.pool.query(`select value from settings where key = 'lifecycle.stage_labels'`);
    expect(stored.rows[0].value).toEqual({ lead: 'Inquiry', mql: 'Marketing qualified' });

    const back = await marketing.request('PUT', '/api/v1/lifecycle/stage-labels', { labels: { mql: 'Marketing qualified' } });
    expect(back.body.labels.lead).toBe('Lead');
    const audit = await env.handle.pool.query(`select before, after from audit_log where entity = 'setting' and entity_id = 'lifecycle.stage_labels' order by id`);
    expect(audit.rows.map((r) => r.after)).toEqual([{ lead: 'Inquiry', mql: 'Marketing qualified' }, { mql: 'Marketing qualified' }]);
  });

  it('refuse an empty label, an unknown stage and a label two stages share, by field path', async () => {
    const empty = await env.request('PUT', '/api/v1/lifecycle/stage-labels', { labels: { sal: '  ' } });
    expect(empty.status).toBe(422);
    expect(empty.body.errors.map((e: { path: string }) => e.path)).toContain('labels.sal');
    const unknown = await env.request('PUT', '/api/v1/lifecycle/stage-labels', { labels: { prospect: 'Prospect' } });
    expect(unknown.status).toBe(422);
    const twice = await env.request('PUT', '/api/v1/lifecycle/stage-labels', { labels: { sal: 'Accepted', sql: 'accepted' } });
    expect(twice.status).toBe(422);
    expect(twice.body.errors).toEqual([expect.objectContaining({ path: 'labels.sql', message: expect.stringContaining('sal') })]);
    expect((await env.request('GET', '/api/v1/lifecycle/stage-labels')).body.labels.sal).toBe('SAL');
  });

  it('may not be changed by sellers, product or executives', async () => {
    for (const role of ['sales_rep', 'sdr', 'product', 'exec'] as const) {
      const who = await env.actAs(role);
      const res = await who.request('PUT', '/api/v1/lifecycle/stage-labels', { labels: { mql: 'Hot' } });
      expect(res.status, role).toBe(403);
    }
  });
});
