import { describe, expect, it } from 'vitest';
import { evaluateRouting, type LeadFacts, type Member, type RoutingState, type RuleForRouting } from './evaluate-routing.js';
import { matchByName, normaliseCompanyName } from './match-account.js';

const member = (id: string, over: Partial<Member> = {}): Member => ({ id, name: id, active: true, teamId: 'sdr', weight: 1, capacity: null, open: 0, absentUntil: null, ...over });
const stateOf = (...members: Member[]): RoutingState => ({ members: new Map(members.map((m) => [m.id, m])), counters: new Map() });
const lead = (over: Partial<LeadFacts> = {}): LeadFacts => ({ personId: 'p', country: 'US', region: null, account: null, match: null, ...over });
const acme = { id: 'acc', name: 'Acme', ownerId: 'ae', industry: 'Software', employeeCount: 800, tier: 'tier_1', country: 'US', region: 'West' };
const rr: RuleForRouting = { id: 'rr', name: 'SDR pool', kind: 'round_robin', conditions: {}, targetUserId: null, targetTeamId: 'sdr' };
const fallback: RuleForRouting = { id: 'fb', name: 'Queue', kind: 'fallback', conditions: {}, targetUserId: 'mgr', targetTeamId: null };
const owner: RuleForRouting = { id: 'ao', name: 'Account owner', kind: 'account_owner', conditions: {}, targetUserId: null, targetTeamId: null };

/** Routes n leads through the rules, counting as the store would. */
function routeMany(rules: RuleForRouting[], state: RoutingState, n: number): string[] {
  const owners: string[] = [];
  for (let i = 0; i < n; i++) {
    const d = evaluateRouting(rules, lead(), state)!;
    owners.push(d.ownerId);
    state.counters.set(`${d.ruleId}:${d.ownerId}`, (state.counters.get(`${d.ruleId}:${d.ownerId}`) ?? 0) + 1);
    state.members.get(d.ownerId)!.open++;
  }
  return owners;
}

describe('routing', () => {
  it('gives a lead of a matched account to its owner, saying which rule and why', () => {
    const d = evaluateRouting([owner, rr], lead({ account: acme, match: { accountId: 'acc', via: 'record', confidence: 1, detail: 'e-mail domain acme.com' } }), stateOf(member('ae', { teamId: 'sales' }), member('s1')))!;
    expect(d).toMatchObject({ ruleId: 'ao', ownerId: 'ae', ruleKind: 'account_owner' });
    expect(d.why).toMatch(/owner of the matched account Acme .*confidence 1/);
  });

  it('does not trust a weak name match below the rule’s confidence', () => {
    const d = evaluateRouting([owner, rr], lead({ account: acme, match: { accountId: 'acc', via: 'name', confidence: 0.6, detail: 'name' } }), stateOf(member('ae', { teamId: 'sales' }), member('s1')))!;
    expect(d.ownerId).toBe('s1');
    expect(d.trace[0]).toMatchObject({ outcome: 'no_match', reason: expect.stringMatching(/below 0.8/) });
  });

  it('shares round-robin leads in proportion to weight', () => {
    const owners = routeMany([rr], stateOf(member('a', { weight: 3 }), member('b', { weight: 1 })), 400);
    expect(owners.filter((o) => o === 'a')).toHaveLength(300);
    expect(owners.filter((o) => o === 'b')).toHaveLength(100);
  });

  it('skips the absent, the disabled, the full and those who had the lead, and says so', () => {
    const state = stateOf(member('away', { absentUntil: '2026-11-30' }), member('gone', { active: false }), member('full', { capacity: 2, open: 2 }), member('before'), member('here'));
    const d = evaluateRouting([rr], lead(), state, new Set(['before']))!;
    expect(d.ownerId).toBe('here');
    expect(Object.fromEntries(d.skipped.map((s) => [s.userId, s.reason]))).toEqual({
      away: 'out of office until 2026-11-30', gone: 'disabled', full: 'at capacity (2/2 open)', before: 'had this lead before',
    });
  });

  it('falls through to the fallback queue when the whole team is unavailable, and to nobody when that is disabled too', () => {
    const state = stateOf(member('away', { absentUntil: '2026-12-01' }), member('mgr', { teamId: 'mgmt' }));
    expect(evaluateRouting([rr, fallback], lead(), state)).toMatchObject({ ownerId: 'mgr', ruleKind: 'fallback' });
    state.members.get('mgr')!.active = false;
    const none = evaluateRouting([rr, fallback], lead(), state);
    expect(none).toBeNull();
  });

  it('routes by territory on the person’s country, else the account’s, and on account size and industry', () => {
    const emea: RuleForRouting = { id: 't', name: 'EMEA mid-market', kind: 'territory', conditions: { countries: ['DE', 'FR'], minEmployees: 200, maxEmployees: 1000 }, targetUserId: 'emea', targetTeamId: null };
    const state = stateOf(member('emea', { teamId: 'sales' }), member('s1'));
    expect(evaluateRouting([emea, rr], lead({ country: 'DE', account: acme }), state)!.ownerId).toBe('emea');
    expect(evaluateRouting([emea, rr], lead({ country: null, account: { ...acme, country: 'FR' } }), state)!.ownerId).toBe('emea');
    const out = evaluateRouting([emea, rr], lead({ country: 'DE', account: { ...acme, employeeCount: 5000 } }), state)!;
    expect(out.ownerId).toBe('s1');
    expect(out.trace[0]!.reason).toMatch(/outside the territory: 5000 employees/);
  });

  it('sends named accounts straight to their executive', () => {
    const named: RuleForRouting = { id: 'n', name: 'Named', kind: 'named_account', conditions: { accountIds: ['acc'] }, targetUserId: 'ae2', targetTeamId: null };
    const d = evaluateRouting([named, rr], lead({ account: { ...acme, ownerId: null } }), stateOf(member('ae2', { teamId: 'sales' }), member('s1')))!;
    expect(d).toMatchObject({ ownerId: 'ae2', why: 'Acme is a named account: ae2' });
  });
});

describe('lead-to-account matching by company name', () => {
  it('normalises legal forms, punctuation and accents', () => {
    expect(normaliseCompanyName('ACME, Inc.')).toBe('acme');
    expect(normaliseCompanyName('The Acme Corporation')).toBe('acme');
    expect(normaliseCompanyName('Müller & Söhne GmbH')).toBe('muller and sohne');
  });

  it('matches one account with confidence, a near name with less, and refuses an ambiguous one', () => {
    expect(matchByName('Acme Inc', [{ id: '1', name: 'ACME Corporation' }, { id: '2', name: 'Acmeville' }])).toMatchObject({ accountId: '1', confidence: 0.85 });
    expect(matchByName('Acme Robotics', [{ id: '1', name: 'Acme' }])).toMatchObject({ accountId: '1', confidence: 0.6 });
    expect(matchByName('Acme', [{ id: '1', name: 'Acme Inc' }, { id: '2', name: 'Acme GmbH' }])).toEqual({ ambiguous: ['Acme Inc', 'Acme GmbH'] });
    expect(matchByName('Initech', [{ id: '1', name: 'Acme' }])).toBeNull();
  });
});
