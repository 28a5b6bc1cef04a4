import type { RoutingRuleKind } from '../../db/schema/vocabulary.js';
import type { AccountMatch } from './match-account.js';
import type { RoutingConditions } from './routing-rule.schema.js';

export type RuleForRouting = {
  id: string; name: string; kind: RoutingRuleKind; conditions: RoutingConditions;
  targetUserId: string | null; targetTeamId: string | null;
};

/** A user as routing sees them today. */
export type Member = {
  id: string; name: string; active: boolean; teamId: string | null;
  weight: number; capacity: number | null; open: number;
  /** Out of office today: the last day away, else null. */
  absentUntil: string | null;
};

export type LeadFacts = {
  personId: string;
  country: string | null; region: string | null;
  account: { id: string; name: string; ownerId: string | null; industry: string | null; employeeCount: number | null; tier: string | null; country: string | null; region: string | null } | null;
  match: AccountMatch | null;
};

export type TraceStep = { ruleId: string; rule: string; kind: RoutingRuleKind; outcome: 'matched' | 'skipped' | 'no_match'; reason: string };

export type RoutingDecision = {
  ruleId: string | null; ruleKind: RoutingRuleKind; ownerId: string; teamId: string | null;
  why: string; trace: TraceStep[];
  match: AccountMatch | null;
  /** Round-robin: who was passed over and why. */
  skipped: Array<{ userId: string; name: string; reason: string }>;
};

export type RoutingState = {
  members: Map<string, Member>;
  /** Leads each member got from each round-robin rule (`ruleId:userId`). */
  counters: Map<string, number>;
};

const lower = (s: string | null | undefined) => (s ?? '').trim().toLowerCase();

/** Why this member cannot take a lead now, or null when they can. */
export function unavailable(m: Member | undefined, useCapacity: boolean): string | null {
  if (!m) return 'unknown user';
  if (!m.active) return 'disabled';
  if (m.absentUntil) return `out of office until ${m.absentUntil}`;
  if (useCapacity && m.capacity !== null && m.open >= m.capacity) return `at capacity (${m.open}/${m.capacity} open)`;
  return null;
}

/** Does the lead fall inside a territory? Every condition given must hold; unknown values do not. */
export function inTerritory(c: RoutingConditions, lead: LeadFacts): { ok: boolean; reason: string } {
  const a = lead.account;
  const country = lead.country ?? a?.country ?? null;
  const region = lead.region ?? a?.region ?? null;
  const checks: Array<[boolean, string]> = [];
  if (c.countries?.length) checks.push([c.countries.some((x) => lower(x) === lower(country)), `country ${country ?? 'unknown'}`]);
  if (c.regions?.length) checks.push([c.regions.some((x) => lower(x) === lower(region)), `region ${region ?? 'unknown'}`]);
  if (c.industries?.length) checks.push([c.industries.some((x) => lower(x) === lower(a?.industry)), `industry ${a?.industry ?? 'unknown'}`]);
  if (c.tiers?.length) checks.push([!!a?.tier && (c.tiers as string[]).includes(a.tier), `tier ${a?.tier ?? 'none'}`]);
  if (c.minEmployees !== undefined) checks.push([(a?.employeeCount ?? -1) >= c.minEmployees, `${a?.employeeCount ?? 'unknown'} employees`]);
  if (c.maxEmployees !== undefined) checks.push([a?.employeeCount != null && a.employeeCount <= c.maxEmployees, `${a?.employeeCount ?? 'unknown'} employees`]);
  const failed = checks.filter(([ok]) => !ok).map(([, r]) => r);
  if (failed.length) return { ok: false, reason: `outside the territory: ${failed.join(', ')}` };
  return { ok: true, reason: checks.length ? `inside the territory (${checks.map(([, r]) => r).join(', ')})` : 'no conditions' };
}

/**
 * Weighted round-robin: among the team's available members (active, present, under capacity,
 * weight above zero), the one furthest behind their share, i.e. lowest (given + 1) / weight;
 * ties go to the fewest given, then by name. Over time each gets leads in proportion to weight.
 */
export function pickRoundRobin(ruleId: string, teamId: string, state: RoutingState, exclude: ReadonlySet<string>) {
  const skipped: RoutingDecision['skipped'] = [];
  let best: { m: Member; key: number; given: number } | null = null;
  const team = [...state.members.values()].filter((m) => m.teamId === teamId).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  for (const m of team) {
    const why = exclude.has(m.id) ? 'had this lead before' : m.weight <= 0 ? 'weight 0' : unavailable(m, true);
    if (why) { skipped.push({ userId: m.id, name: m.name, reason: why }); continue; }
    const given = state.counters.get(`${ruleId}:${m.id}`) ?? 0;
    const key = (given + 1) / m.weight;
    if (!best || key < best.key || (key === best.key && given < best.given)) best = { m, key, given };
  }
  return { member: best?.m ?? null, skipped, teamSize: team.length };
}

/**
 * Where a lead goes: the rules in order, the first that yields an available owner wins; every
 * rule tried leaves a line in the trace ("where would this person go, and why?"). Null when no
 * rule yields anyone (the caller then applies the last resort, never leaving a lead unowned);
 * the trace is in `tried` either way.
 */
export function evaluateRouting(rules: RuleForRouting[], lead: LeadFacts, state: RoutingState, exclude: ReadonlySet<string> = new Set(), tried: TraceStep[] = []): RoutingDecision | null {
  const trace = tried;
  const step = (r: RuleForRouting, outcome: TraceStep['outcome'], reason: string) => trace.push({ ruleId: r.id, rule: r.name, kind: r.kind, outcome, reason });
  const decide = (r: RuleForRouting, ownerId: string, why: string, skipped: RoutingDecision['skipped'] = []): RoutingDecision => {
    step(r, 'matched', why);
    return { ruleId: r.id, ruleKind: r.kind, ownerId, teamId: state.members.get(ownerId)?.teamId ?? null, why, trace, match: lead.match, skipped };
  };
  const toUser = (r: RuleForRouting, userId: string, because: string): RoutingDecision | null => {
    const m = state.members.get(userId);
    const why = exclude.has(userId) ? 'had this lead before' : unavailable(m, false);
    if (why) { step(r, 'skipped', `${because}, but ${m?.name ?? 'the owner'} is ${why}`); return null; }
    return decide(r, userId, `${because}: ${m!.name}`);
  };
  const toTeam = (r: RuleForRouting, teamId: string, because: string): RoutingDecision | null => {
    const pick = pickRoundRobin(r.id, teamId, state, exclude);
    if (!pick.member) {
      step(r, 'skipped', `${because}, but nobody in the team is available${pick.skipped.length ? ` (${pick.skipped.map((s) => `${s.name}: ${s.reason}`).join('; ')})` : ' (no members)'}`);
      return null;
    }
    return decide(r, pick.member.id, `${because}: weighted round-robin gave it to ${pick.member.name}`, pick.skipped);
  };
  const toTarget = (r: RuleForRouting, because: string) => r.targetUserId ? toUser(r, r.targetUserId, because) : r.targetTeamId ? toTeam(r, r.targetTeamId, because) : null;

  for (const r of rules) {
    let d: RoutingDecision | null = null;
    switch (r.kind) {
      case 'account_owner': {
        const min = r.conditions.minConfidence ?? 0.8;
        if (!lead.account || !lead.match) { step(r, 'no_match', 'no matching account'); break; }
        if (lead.match.confidence < min) { step(r, 'no_match', `${lead.match.detail}, confidence ${lead.match.confidence} below ${min}`); break; }
        if (!lead.account.ownerId) { step(r, 'no_match', `account ${lead.account.name} has no owner`); break; }
        d = toUser(r, lead.account.ownerId, `owner of the matched account ${lead.account.name} (${lead.match.detail}, confidence ${lead.match.confidence})`);
        break;
      }
      case 'named_account': {
        if (!lead.account || !r.conditions.accountIds?.includes(lead.account.id)) { step(r, 'no_match', lead.account ? `${lead.account.name} is not a named account here` : 'no matching account'); break; }
        d = toTarget(r, `${lead.account.name} is a named account`);
        break;
      }
      case 'territory':
      case 'round_robin': {
        const t = inTerritory(r.conditions, lead);
        if (!t.ok) { step(r, 'no_match', t.reason); break; }
        d = toTarget(r, r.kind === 'territory' ? t.reason : `round-robin ${t.reason === 'no conditions' ? 'for every lead' : t.reason}`);
        break;
      }
      case 'fallback':
        d = toTarget(r, 'fallback queue');
        break;
    }
    if (d) return d;
  }
  return null;
}
