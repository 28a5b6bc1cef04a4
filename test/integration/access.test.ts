import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeam } from '../../src/domain/identity/create-team.js';
import { createTestEnv, type Requester, type TestEnv } from '../support/test-app.js';

/**
 * Record-level rules through every route: what one seller owns stays out of another's list, record,
 * search, export and timeline; what a role may not do at all is a 403 with a stable code.
 *
 * The company: sales team East (manager Maya, reps Rita and Ralf), sales team West (manager Mo,
 * rep Rob), SDR team (Sam, Sue). Rita owns Acme and its deal; Ralf owns a deal on Acme too
 * (an overlay rep), Rob owns Globex and its deal. Sam owns a lead, Sue another.
 */
let env: TestEnv;
type Seat = { id: string; request: Requester };
let rita: Seat, ralf: Seat, rob: Seat, maya: Seat, mo: Seat, sam: Seat, sue: Seat;
let acme: string, globex: string, acmeDeal: string, ralfDeal: string, globexDeal: string;
let acmeBuyer: string, globexBuyer: string, samLead: string, sueLead: string, otherLead: string;

const ids = (res: { body: { data: { id: string }[] } }) => res.body.data.map((r) => r.id);

async function created(res: Promise<{ status: number; body: { id: string } }>): Promise<string> {
  const r = await res;
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id;
}

beforeAll(async () => {
  env = await createTestEnv();
  const seat = async (role: 'sales_rep' | 'sales_manager' | 'sdr', name: string, teamId: string, managerId?: string): Promise<Seat> => {
    const a = await env.actAs(role, { name, email: `${name.toLowerCase()}@access.test`, teamId, ...(managerId ? { managerId } : {}) });
    return { id: a.user.id, request: a.request };
  };
  const east = await createTeam(env.ctx, { name: 'East', kind: 'sales' });
  const west = await createTeam(env.ctx, { name: 'West', kind: 'sales' });
  const sdrs = await createTeam(env.ctx, { name: 'SDR', kind: 'sdr' });
  maya = await seat('sales_manager', 'Maya', east.id);
  mo = await seat('sales_manager', 'Mo', west.id);
  rita = await seat('sales_rep', 'Rita', east.id, maya.id);
  ralf = await seat('sales_rep', 'Ralf', east.id, maya.id);
  rob = await seat('sales_rep', 'Rob', west.id, mo.id);
  sam = await seat('sdr', 'Sam', sdrs.id);
  sue = await seat('sdr', 'Sue', sdrs.id);

  acme = await created(env.request('POST', '/api/v1/accounts', { name: 'Acme Rockets', domains: ['acme-rockets.test'], ownerId: rita.id }));
  globex = await created(env.request('POST', '/api/v1/accounts', { name: 'Globex Zeppelins', domains: ['globex-zeppelins.test'], ownerId: rob.id }));
  acmeDeal = await created(env.request('POST', '/api/v1/opportunities', { accountId: acme, name: 'Acme Rockets expansion', amount: 50000, currency: 'EUR', ownerId: rita.id }));
  ralfDeal = await created(env.request('POST', '/api/v1/opportunities', { accountId: acme, name: 'Acme Rockets services', amount: 9000, currency: 'EUR', ownerId: ralf.id }));
  globexDeal = await created(env.request('POST', '/api/v1/opportunities', { accountId: globex, name: 'Globex Zeppelins fleet', amount: 80000, currency: 'EUR', ownerId: rob.id }));
  acmeBuyer = await created(env.request('POST', '/api/v1/people', { email: 'buyer@acme-rockets.test', lastName: 'Acmebuyer', accountId: acme }));
  globexBuyer = await created(env.request('POST', '/api/v1/people', { email: 'buyer@globex-zeppelins.test', lastName: 'Globexbuyer', accountId: globex }));
  samLead = await created(env.request('POST', '/api/v1/people', { email: 'lead1@initech.test', lastName: 'Samslead', ownerId: sam.id }));
  sueLead = await created(env.request('POST', '/api/v1/people', { email: 'lead2@initech.test', lastName: 'Sueslead', ownerId: sue.id }));
  otherLead = await created(env.request('POST', '/api/v1/people', { email: 'lead3@hooli.test', lastName: 'Nobodyslead' }));
  const touches = await env.request('POST', '/api/v1/touchpoints', {
    touchpoints: [
      { occurredAt: '2026-06-01T10:00:00Z', kind: 'meeting', email: 'buyer@acme-rockets.test', externalId: 'acme-meeting' },
      { occurredAt: '2026-06-02T10:00:00Z', kind: 'meeting', email: 'buyer@globex-zeppelins.test', externalId: 'globex-meeting' },
      { occurredAt: '2026-06-03T10:00:00Z', kind: 'form_submit', email: 'lead1@initech.test', externalId: 'sam-form' },
      { occurredAt: '2026-06-03T11:00:00Z', kind: 'form_submit', email: 'lead3@hooli.test', externalId: 'other-form' },
    ],
  });
  expect(touches.status).toBe(201);
});
afterAll(async () => { await env?.close(); });

describe('a sales rep', () => {
  it('lists only the deals they own or whose account they own', async () => {
    expect(ids(await rita.request('GET', '/api/v1/opportunities')).sort()).toEqual([acmeDeal, ralfDeal].sort());
    expect(ids(await ralf.request('GET', '/api/v1/opportunities'))).toEqual([ralfDeal]);
    expect(ids(await rob.request('GET', '/api/v1/opportunities'))).toEqual([globexDeal]);
    // A filter cannot widen the scope.
    expect(ids(await rita.request('GET', `/api/v1/opportunities?accountId=${globex}`))).toEqual([]);
  });

  it("cannot read another rep's deal by id, search, export or timeline", async () => {
    const get = await rita.request('GET', `/api/v1/opportunities/${globexDeal}`);
    expect(get.status).toBe(403);
    expect(get.body.code).toBe('record_forbidden');
    // A record that does not exist is a 404, so ids cannot be probed for existence by role.
    expect((await rita.request('GET', '/api/v1/opportunities/00000000-0000-4000-8000-000000000000')).status).toBe(404);

    const search = await rita.request('GET', '/api/v1/search?q=Globex');
    expect(search.status).toBe(200);
    expect(JSON.stringify(search.body)).not.toContain('Globex');
    const ownSearch = await rita.request('GET', '/api/v1/search?q=Acme');
    expect(JSON.stringify(ownSearch.body)).toContain(acmeDeal);

    const csv = await rita.request('GET', '/api/v1/opportunities/export.csv');
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('Acme Rockets expansion');
    expect(csv.text).not.toContain('Globex');

    expect((await rita.request('GET', `/api/v1/accounts/${globex}`)).status).toBe(403);
    expect((await rita.request('GET', `/api/v1/accounts/${globex}/touchpoints`)).status).toBe(403);
    expect((await rita.request('GET', `/api/v1/people/${globexBuyer}/touchpoints`)).status).toBe(403);
    const timeline = await rita.request('GET', `/api/v1/touchpoints?accountId=${globex}`);
    expect(timeline.status, 'a filter never widens the scope: the list is filtered, not refused').toBe(200);
    expect(timeline.body.data).toEqual([]);
    const all = await rita.request('GET', '/api/v1/touchpoints');
    expect(all.body.data.map((t: { externalId: string }) => t.externalId)).toEqual(['acme-meeting']);
    expect(ids(await rita.request('GET', '/api/v1/accounts'))).toEqual([acme]);
    expect(ids(await rita.request('GET', '/api/v1/people'))).toEqual([acmeBuyer]);
  });

  it("cannot change another rep's deal, even on an account they own, nor give a deal away outside the team", async () => {
    const onOwnAccount = await rita.request('PATCH', `/api/v1/opportunities/${ralfDeal}`, { amount: 1 });
    expect(onOwnAccount.status).toBe(403);
    expect(onOwnAccount.body.code).toBe('record_forbidden');
    expect((await rob.request('PATCH', `/api/v1/opportunities/${acmeDeal}`, { amount: 1 })).status).toBe(403);
    const away = await rita.request('PATCH', `/api/v1/opportunities/${acmeDeal}`, { ownerId: rob.id });
    expect(away.status).toBe(403);
    expect(away.body.errors[0].path).toBe('ownerId');
    const own = await rita.request('PATCH', `/api/v1/opportunities/${acmeDeal}`, { amount: 52000 });
    expect(own.status).toBe(200);
    expect(Number(own.body.amount)).toBe(52000);
    const untouched = await env.request('GET', `/api/v1/opportunities/${ralfDeal}`);
    expect(Number(untouched.body.amount)).toBe(9000);
  });

  it("cannot change campaigns (and so their costs)", async () => {
    const campaign = await created(env.request('POST', '/api/v1/campaigns', { name: 'Rocket Week', type: 'trade_show', channel: 'event', budget: 10000 }));
    const res = await rita.request('PATCH', `/api/v1/campaigns/${campaign}`, { actualCost: 1 });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('forbidden');
    expect((await rita.request('GET', `/api/v1/campaigns/${campaign}`)).status).toBe(200);
  });
});

describe('logging sales activities', () => {
  it('a rep logs a call on their own buyer; it joins the timeline as a sales touch', async () => {
    const call = await rita.request('POST', '/api/v1/activities', { personId: acmeBuyer, kind: 'call', occurredAt: '2026-06-10T09:00:00Z', subject: 'Discovery', note: 'Needs 40 seats' });
    expect(call.status, call.text).toBe(201);
    expect(call.body).toMatchObject({ personId: acmeBuyer, accountId: acme, kind: 'call', side: 'sales', channel: 'direct_sales' });
    expect(call.body.properties).toMatchObject({ subject: 'Discovery', note: 'Needs 40 seats', loggedBy: rita.id });
    const timeline = await rita.request('GET', `/api/v1/people/${acmeBuyer}/touchpoints`);
    expect(timeline.body.data.map((t: { id: number }) => t.id)).toContain(call.body.id);
    // A client that retries with the same key does not log it twice.
    const again = await rita.request('POST', '/api/v1/activities', { personId: acmeBuyer, kind: 'call', externalId: 'crm-call-1' });
    const twice = await rita.request('POST', '/api/v1/activities', { personId: acmeBuyer, kind: 'call', externalId: 'crm-call-1' });
    expect(twice.body.id).toBe(again.body.id);
  });

  it("is refused on someone else's record, for non-sellers, and in the future", async () => {
    const other = await rita.request('POST', '/api/v1/activities', { personId: globexBuyer, kind: 'call' });
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('record_forbidden');
    const marketing = await env.actAs('marketing');
    const byMarketing = await marketing.request('POST', '/api/v1/activities', { personId: acmeBuyer, kind: 'call' });
    expect(byMarketing.body.code).toBe('forbidden');
    const future = await rita.request('POST', '/api/v1/activities', { personId: acmeBuyer, kind: 'meeting', occurredAt: '2026-07-01T00:00:00Z' });
    expect(future.status).toBe(422);
    expect(future.body.errors[0].path).toBe('occurredAt');
    const nobody = await rita.request('POST', '/api/v1/activities', { kind: 'meeting' });
    expect(nobody.status).toBe(422);
    expect(nobody.body.errors[0].path).toBe('personId');
  });
});

describe('a sales manager', () => {
  it("sees every deal of their team and none of another team's", async () => {
    expect(ids(await maya.request('GET', '/api/v1/opportunities')).sort()).toEqual([acmeDeal, ralfDeal].sort());
    expect(ids(await mo.request('GET', '/api/v1/opportunities'))).toEqual([globexDeal]);
    expect((await maya.request('GET', `/api/v1/opportunities/${globexDeal}`)).status).toBe(403);
  });

  it('may reassign a deal inside the team but not to another team', async () => {
    expect((await maya.request('PATCH', `/api/v1/opportunities/${ralfDeal}`, { ownerId: rita.id })).status).toBe(200);
    expect((await maya.request('PATCH', `/api/v1/opportunities/${ralfDeal}`, { ownerId: rob.id })).status).toBe(403);
    expect((await maya.request('PATCH', `/api/v1/opportunities/${ralfDeal}`, { ownerId: ralf.id })).status).toBe(200);
  });
});

describe('an SDR', () => {
  it("works the team's lead queue and nothing else", async () => {
    expect(ids(await sam.request('GET', '/api/v1/people')).sort()).toEqual([samLead, sueLead].sort());
    expect((await sam.request('GET', `/api/v1/people/${otherLead}`)).status).toBe(403);
    expect((await sam.request('GET', `/api/v1/people/${acmeBuyer}`)).status).toBe(403);
    const touches = await sam.request('GET', '/api/v1/touchpoints');
    expect(touches.body.data.map((t: { externalId: string }) => t.externalId)).toEqual(['sam-form']);
  });

  it('has no access to deals', async () => {
    const res = await sam.request('GET', '/api/v1/opportunities');
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('forbidden');
    expect((await sam.request('GET', '/api/v1/opportunities/export.csv')).status).toBe(403);
  });
});

describe('roles without record scope', () => {
  it('marketing reads every deal but cannot change one; it runs campaigns', async () => {
    const marketing = await env.actAs('marketing');
    expect(ids(await marketing.request('GET', '/api/v1/opportunities'))).toHaveLength(3);
    const write = await marketing.request('PATCH', `/api/v1/opportunities/${acmeDeal}`, { amount: 1 });
    expect(write.status).toBe(403);
    expect(write.body.code).toBe('forbidden');
    expect((await marketing.request('POST', '/api/v1/campaigns', { name: 'Marketing owns this', type: 'webinar', channel: 'webinar' })).status).toBe(201);
  });

  it('product reads deals, but not people', async () => {
    const product = await env.actAs('product');
    expect((await product.request('GET', '/api/v1/opportunities')).status).toBe(200);
    const people = await product.request('GET', '/api/v1/people');
    expect(people.status).toBe(403);
    expect(people.body.code).toBe('forbidden');
  });

  it('exec reads everything and changes nothing', async () => {
    const exec = await env.actAs('exec');
    expect(ids(await exec.request('GET', '/api/v1/people'))).toHaveLength(5);
    expect(ids(await exec.request('GET', '/api/v1/opportunities'))).toHaveLength(3);
    for (const [method, path, body] of [
      ['PATCH', `/api/v1/opportunities/${acmeDeal}`, { amount: 1 }],
      ['PATCH', `/api/v1/accounts/${acme}`, { tier: 'tier_1' }],
      ['POST', '/api/v1/people', { email: 'exec-made@x.test' }],
      ['POST', '/api/v1/campaigns', { name: 'Exec campaign', type: 'webinar', channel: 'webinar' }],
    ] as const) {
      const res = await exec.request(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body.code).toBe('forbidden');
    }
  });
});
