import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../support/test-app.js';

let env: TestEnv;
let campaignId: string;
beforeAll(async () => {
  env = await createTestEnv();
  campaignId = (await env.request('POST', '/api/v1/campaigns', { name: 'Expo 2026', type: 'trade_show', channel: 'event' })).body.id;
  const t = (externalId: string, email: string, occurredAt: string) => ({ externalId, email, occurredAt, kind: 'badge_scan', campaignId });
  const res = await env.request('POST', '/api/v1/touchpoints', { touchpoints: [
    t('e-1', 'ada@members.test', '2026-05-01T10:00:00Z'), t('e-2', 'ada@members.test', '2026-05-02T10:00:00Z'),
    t('e-3', 'bo@members.test', '2026-05-03T10:00:00Z'), t('e-4', 'cy@other-members.test', '2026-05-04T10:00:00Z'),
    { externalId: 'e-5', email: 'dee@members.test', occurredAt: '2026-05-05T10:00:00Z', kind: 'page_view' },
  ] });
  expect(res.status).toBe(201);
});
afterAll(async () => { await env?.close(); });

describe('campaign members', () => {
  it('are the people who touched the campaign, with count, first and last touch, latest first', async () => {
    const res = await env.request('GET', `/api/v1/campaigns/${campaignId}/members`);
    expect(res.status, res.text).toBe(200);
    expect(res.body.data.map((m: any) => [m.email, m.touches])).toEqual([['cy@other-members.test', 1], ['bo@members.test', 1], ['ada@members.test', 2]]);
    const ada = res.body.data[2];
    expect(new Date(ada.firstTouchAt).toISOString()).toBe('2026-05-01T10:00:00.000Z');
    expect(new Date(ada.lastTouchAt).toISOString()).toBe('2026-05-02T10:00:00.000Z');
  });

  it('leave a person out once their only touch is retracted, and page with cursors', async () => {
    const list = await env.request('GET', `/api/v1/touchpoints?campaignId=${campaignId}&sort=occurredAt&order=asc`);
    const bo = list.body.data.find((t: any) => t.externalId === 'e-3');
    expect((await env.request('POST', `/api/v1/touchpoints/${bo.id}/corrections`, { reason: 'scanned the wrong badge', retract: true })).status).toBe(201);
    const first = await env.request('GET', `/api/v1/campaigns/${campaignId}/members?limit=1&sort=email&order=asc`);
    expect(first.body.data.map((m: any) => m.email)).toEqual(['ada@members.test']);
    const second = await env.request('GET', `/api/v1/campaigns/${campaignId}/members?limit=1&sort=email&order=asc&cursor=${first.body.nextCursor}`);
    expect(second.body.data.map((m: any) => m.email)).toEqual(['cy@other-members.test']);
    expect(second.body.nextCursor).toBeNull();
  });

  it('show a rep only their own people, and nobody to a role without people', async () => {
    const rep = await env.actAs('sales_rep');
    await env.request('PATCH', `/api/v1/people/${(await env.request('GET', '/api/v1/people?q=ada')).body.data[0].id}`, { ownerId: rep.user.id });
    const mine = await rep.request('GET', `/api/v1/campaigns/${campaignId}/members`);
    expect(mine.body.data.map((m: any) => m.email)).toEqual(['ada@members.test']);
    const product = await env.actAs('product');
    expect((await product.request('GET', `/api/v1/campaigns/${campaignId}/members`)).status).toBe(403);
    expect((await env.request('GET', '/api/v1/campaigns/00000000-0000-4000-8000-000000000000/members')).status).toBe(404);
  });
});
