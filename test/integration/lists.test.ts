import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../support/test-app.js';

/** The filters and row fields the web lists rely on: deals by owner, status and close date; touches by campaign. */
let env: TestEnv;
let rep: Awaited<ReturnType<TestEnv['actAs']>>;
let other: Awaited<ReturnType<TestEnv['actAs']>>;
const deal: Record<string, string> = {};

beforeAll(async () => {
  env = await createTestEnv();
  rep = await env.actAs('sales_rep', { name: 'Rita Rep' });
  other = await env.actAs('sales_rep', { name: 'Otto Other' });
  const account = await env.request('POST', '/api/v1/accounts', { name: 'Filterable GmbH', domains: ['filterable.test'] });
  expect(account.status, account.text).toBe(201);
  const make = async (name: string, fields: Record<string, unknown>) => {
    const res = await env.request('POST', '/api/v1/opportunities', { accountId: account.body.id, name, amount: 1000, currency: 'EUR', ...fields });
    expect(res.status, res.text).toBe(201);
    deal[name] = res.body.id;
  };
  await make('March open', { stage: 'proposal', ownerId: rep.user.id, closeDate: '2026-03-31' });
  await make('April won', { stage: 'closed_won', ownerId: rep.user.id, closeDate: '2026-04-01' });
  await make('April lost', { stage: 'closed_lost', ownerId: other.user.id, closeDate: '2026-04-30' });
  await make('May open', { stage: 'discovery', ownerId: other.user.id, closeDate: '2026-05-01' });
  await make('Undated', { stage: 'discovery', ownerId: rep.user.id });
});
afterAll(async () => { await env?.close(); });

const names = (res: { body: { data: { name: string }[] } }) => res.body.data.map((d) => d.name).sort();

describe('the opportunities list', () => {
  it('filters by close date range (both ends inclusive), status and owner, and names account and owner', async () => {
    const april = await env.request('GET', '/api/v1/opportunities?closeFrom=2026-04-01&closeTo=2026-04-30');
    expect(april.status, april.text).toBe(200);
    expect(names(april)).toEqual(['April lost', 'April won']);
    expect(names(await env.request('GET', '/api/v1/opportunities?closeTo=2026-04-01&status=open'))).toEqual(['March open']);
    expect(names(await env.request('GET', `/api/v1/opportunities?ownerId=${other.user.id}&closeFrom=2026-04-15`))).toEqual(['April lost', 'May open']);
    const row = (await env.request('GET', `/api/v1/opportunities?q=May open`)).body.data[0];
    expect(row).toMatchObject({ accountName: 'Filterable GmbH', ownerName: 'Otto Other' });
  });

  it('sorts undated deals last by close date and keeps a seller to their own deals under any filter', async () => {
    const sorted = await env.request('GET', '/api/v1/opportunities?sort=closeDate&order=asc&limit=10');
    expect(sorted.body.data.map((d: { name: string }) => d.name)).toEqual(['March open', 'April won', 'April lost', 'May open', 'Undated']);
    expect(names(await rep.request('GET', '/api/v1/opportunities?closeFrom=2026-04-01'))).toEqual(['April won']);
    expect(names(await rep.request('GET', `/api/v1/opportunities?ownerId=${other.user.id}`))).toEqual([]);
  });

  it('sorts by stage in the order of the sales cycle and by owner name, across pages', async () => {
    const byStage = (await env.request('GET', '/api/v1/opportunities?sort=stage&order=asc&limit=10')).body.data.map((d: { stage: string }) => d.stage);
    expect(byStage).toEqual(['discovery', 'discovery', 'proposal', 'closed_won', 'closed_lost']);
    const first = await env.request('GET', '/api/v1/opportunities?sort=owner&order=asc&limit=2');
    const rest = await env.request('GET', `/api/v1/opportunities?sort=owner&order=asc&limit=10&cursor=${first.body.nextCursor}`);
    expect([...first.body.data, ...rest.body.data].map((d: { ownerName: string }) => d.ownerName)).toEqual(['Otto Other', 'Otto Other', 'Rita Rep', 'Rita Rep', 'Rita Rep']);
  });

  it('exports with the same close-date filter', async () => {
    const csv = await env.request('GET', '/api/v1/opportunities/export.csv?closeFrom=2026-04-01&closeTo=2026-04-30');
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('April won');
    expect(csv.text).toContain('April lost');
    expect(csv.text).not.toContain('March open');
    expect(csv.text).not.toContain('May open');
  });

  it('refuses a malformed close date by field', async () => {
    const bad = await env.request('GET', '/api/v1/opportunities?closeFrom=April');
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['query.closeFrom']);
  });
});

describe('the touches list', () => {
  it('filters campaigns by status on the day and by the dates they run', async () => {
    // The test clock says 2026-06-15.
    for (const [name, startsOn, endsOn] of [['Spring fair', '2026-04-01', '2026-04-03'], ['June webinar series', '2026-06-01', '2026-06-30'], ['Autumn summit', '2026-09-10', '2026-09-12']]) {
      expect((await env.request('POST', '/api/v1/campaigns', { name, type: 'field_event', channel: 'event', startsOn, endsOn })).status).toBe(201);
    }
    const campaigns = async (query: string) => (await env.request('GET', `/api/v1/campaigns?type=field_event&${query}`)).body.data.map((c: { name: string }) => c.name).sort();
    expect(await campaigns('status=planned')).toEqual(['Autumn summit']);
    expect(await campaigns('status=running')).toEqual(['June webinar series']);
    expect(await campaigns('status=ended')).toEqual(['Spring fair']);
    expect(await campaigns('from=2026-04-02&to=2026-06-01')).toEqual(['June webinar series', 'Spring fair']);
    expect((await env.request('GET', '/api/v1/campaigns?status=someday')).body.errors[0].path).toBe('query.status');
  });

  it("filters by campaign and carries each touch's person and account", async () => {
    const campaign = await env.request('POST', '/api/v1/campaigns', { name: 'Autumn webinar', type: 'webinar', channel: 'webinar' });
    expect(campaign.status, campaign.text).toBe(201);
    const posted = await env.request('POST', '/api/v1/touchpoints', { touchpoints: [
      { externalId: 'lt-1', occurredAt: '2026-05-01T10:00:00Z', kind: 'webinar_attended', email: 'kim@filterable.test', campaignId: campaign.body.id,
        person: { firstName: 'Kim', lastName: 'Lister' } },
      { externalId: 'lt-2', occurredAt: '2026-05-02T10:00:00Z', kind: 'meeting', email: 'kim@filterable.test' },
    ] });
    expect(posted.status, posted.text).toBe(201);
    const list = await env.request('GET', `/api/v1/touchpoints?campaignId=${campaign.body.id}`);
    expect(list.body.data).toHaveLength(1);
    expect(list.body.data[0]).toMatchObject({
      externalId: 'lt-1', campaign: { name: 'Autumn webinar' }, person: { email: 'kim@filterable.test', name: 'Kim Lister' }, account: { name: 'Filterable GmbH' },
    });
  });
});
