import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../support/test-app.js';

let env: TestEnv;
beforeAll(async () => { env = await createTestEnv(); });
afterAll(async () => { await env?.close(); });

describe('the audit trail', () => {
  it("names the actor of each change, a user or a key, and filters by actor and action", async () => {
    const marketer = await env.actAs('marketing', { name: 'Mara Marketer' });
    const made = await marketer.request('POST', '/api/v1/campaigns', { name: 'Audited webinar', type: 'webinar', channel: 'webinar' });
    await marketer.request('PATCH', `/api/v1/campaigns/${made.body.id}`, { actualCost: 1200 });
    const trail = await env.request('GET', `/api/v1/audit?entity=campaign&entityId=${made.body.id}`);
    expect(trail.body.data.map((e: any) => [e.action, e.actorType, e.actorName])).toEqual([
      ['update', 'api_key', 'test marketing'], ['create', 'api_key', 'test marketing'],
    ]);
    const keys = await env.request('GET', '/api/v1/api-keys');
    const keyId = keys.body.data.find((k: any) => k.userId === marketer.user.id).id;
    expect(trail.body.data.map((e: any) => e.actorId)).toEqual([keyId, keyId]);
    const byKey = await env.request('GET', `/api/v1/audit?actorType=api_key&actorId=${keyId}`);
    expect(byKey.body.data.map((e: any) => e.entityId)).toEqual([made.body.id, made.body.id]);
    expect(trail.body.data[0].before.actualCost).toBeNull();
    expect(trail.body.data[0].after.actualCost).toBe(1200);
    const updates = await env.request('GET', `/api/v1/audit?entity=campaign&action=update`);
    expect(updates.body.data.every((e: any) => e.action === 'update')).toBe(true);
    expect(updates.body.data).toHaveLength(1);
  });

  it('exports as CSV with formula-looking values neutralised', async () => {
    const key = await env.request('POST', '/api/v1/api-keys', { name: '=HYPERLINK("http://evil")', role: 'marketing' });
    await env.request('POST', '/api/v1/people', { email: 'audited@csv.test' }, { authorization: `Bearer ${key.body.token}` });
    const csv = await env.request('GET', '/api/v1/audit/export.csv?entity=person');
    expect(csv.status).toBe(200);
    const rows = parse(csv.text, { columns: true }) as Record<string, string>[];
    const row = rows.find((r) => r.actorId === key.body.id)!;
    expect(row.action).toBe('create');
    expect(row.actorType).toBe('api_key');
    expect(JSON.parse(row.after!).email).toBe('audited@csv.test');
    expect(row.actorName).toBe(`'=HYPERLINK("http://evil")`);
  });

  it('is for admins only, in the list and the export', async () => {
    for (const role of ['marketing', 'sales_manager', 'exec'] as const) {
      const who = await env.actAs(role);
      for (const path of ['/api/v1/audit', '/api/v1/audit/export.csv']) {
        const res = await who.request('GET', path);
        expect(res.status, `${role} ${path}`).toBe(403);
        expect(res.body.code).toBe('forbidden');
      }
    }
  });
});
