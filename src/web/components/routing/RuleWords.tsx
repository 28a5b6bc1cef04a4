import { Badge } from '@mantine/core';
import type { RoutingConditions, RoutingRule, RoutingRuleKind } from '../../api/routing';

export const KIND_LABEL: Record<RoutingRuleKind, string> = {
  account_owner: 'Account owner',
  named_account: 'Named accounts',
  territory: 'Territory',
  round_robin: 'Round-robin',
  fallback: 'Fallback queue',
};
export const KIND_HELP: Record<RoutingRuleKind, string> = {
  account_owner: 'The owner of the account the lead matches (by e-mail domain or company name), when the match is confident enough.',
  named_account: 'Leads from the listed named/target accounts go straight to their account executive.',
  territory: 'Leads inside a territory (country, region, industry, size, tier) go to an owner or are shared in a team.',
  round_robin: 'Leads are shared in a team by weight, skipping members who are out of office or at capacity.',
  fallback: 'Every lead that got this far: the queue that is never silently empty.',
};
const OUTCOME_COLOR = { matched: 'green', skipped: 'orange', no_match: 'gray' } as const;
const OUTCOME_LABEL = { matched: 'matched', skipped: 'skipped', no_match: 'no match' } as const;

/** "DE, AT or CH". */
function anyOf(values: string[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

/** Which conditions a kind of rule reads (the API keeps what it is given, the evaluation reads only these). */
export const CONDITION_KEYS: Record<RoutingRuleKind, (keyof RoutingConditions)[]> = {
  account_owner: ['minConfidence'],
  named_account: ['accountIds'],
  territory: ['countries', 'regions', 'industries', 'tiers', 'minEmployees', 'maxEmployees'],
  round_robin: ['countries', 'regions', 'industries', 'tiers', 'minEmployees', 'maxEmployees'],
  fallback: [],
};

/** A rule's conditions in words: "country DE or AT; 50 to 500 employees", or what the rule does without any. */
export function describeConditions(kind: RoutingRuleKind, c: RoutingConditions): string {
  const parts: string[] = [];
  if (kind === 'account_owner') {
    const min = c.minConfidence ?? 0.8;
    return `the lead matches an account with confidence at least ${Math.round(min * 100)}%${c.minConfidence === undefined ? ' (default)' : ''}`;
  }
  if (kind === 'named_account') {
    const n = c.accountIds?.length ?? 0;
    return n ? `the lead’s account is one of ${n} named account${n === 1 ? '' : 's'}` : 'no named accounts listed';
  }
  if (kind === 'fallback') return 'every lead that reaches it';
  if (c.countries?.length) parts.push(`country ${anyOf(c.countries)}`);
  if (c.regions?.length) parts.push(`region ${anyOf(c.regions)}`);
  if (c.industries?.length) parts.push(`industry ${anyOf(c.industries)}`);
  if (c.tiers?.length) parts.push(anyOf(c.tiers.map((t) => t.replace('_', ' '))));
  if (c.minEmployees !== undefined && c.maxEmployees !== undefined) parts.push(`${c.minEmployees.toLocaleString()} to ${c.maxEmployees.toLocaleString()} employees`);
  else if (c.minEmployees !== undefined) parts.push(`at least ${c.minEmployees.toLocaleString()} employees`);
  else if (c.maxEmployees !== undefined) parts.push(`at most ${c.maxEmployees.toLocaleString()} employees`);
  return parts.length ? parts.join('; ') : 'every lead';
}

/** Who a rule gives leads to, in words. */
export function describeTarget(r: Pick<RoutingRule, 'kind' | 'targetUserId' | 'targetTeamId' | 'targetName'>): string {
  if (r.kind === 'account_owner') return 'the account’s owner';
  if (r.targetTeamId) return `team ${r.targetName ?? '?'} (round-robin)`;
  if (r.targetUserId) return r.targetName ?? '?';
  return '—';
}

export function OutcomeBadge({ outcome }: { outcome: keyof typeof OUTCOME_COLOR }) {
  return <Badge color={OUTCOME_COLOR[outcome]} variant="light">{OUTCOME_LABEL[outcome]}</Badge>;
}

/** A calendar day ('2026-12-24') in the reader's format, without shifting it through UTC midnight. */
export const formatDay = (iso: string) => new Date(`${iso}T00:00:00`).toLocaleDateString();
