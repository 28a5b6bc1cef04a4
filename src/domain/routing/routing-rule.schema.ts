import { ROUTING_RULE_KINDS } from '../../db/schema/vocabulary.js';
import { z } from '../shared/zod.js';

const list = z.array(z.string().trim().min(1).max(200)).max(500);

/**
 * What a rule tests. Territory and round-robin rules may test any of these (all given must hold);
 * an account-owner rule takes the minimal match confidence; a named-account rule its accounts.
 */
export const RoutingConditions = z.strictObject({
  countries: list.optional().describe('ISO country codes or names; the person’s, else the account’s'),
  regions: list.optional(),
  industries: list.optional().describe('The account’s industry'),
  tiers: z.array(z.enum(['tier_1', 'tier_2', 'tier_3'])).optional(),
  minEmployees: z.number().int().min(0).optional(),
  maxEmployees: z.number().int().min(0).optional(),
  accountIds: z.array(z.uuid()).max(5000).optional().describe('named_account: the named/target accounts'),
  minConfidence: z.number().min(0).max(1).optional().describe('account_owner: the least lead-to-account match confidence (default 0.8)'),
}).refine((c) => c.minEmployees === undefined || c.maxEmployees === undefined || c.minEmployees <= c.maxEmployees, {
  path: ['maxEmployees'], message: 'must be at least minEmployees',
});
export type RoutingConditions = z.infer<typeof RoutingConditions>;

export const RoutingRuleInput = z.strictObject({
  name: z.string().trim().min(1).max(200),
  kind: z.enum(ROUTING_RULE_KINDS),
  conditions: RoutingConditions.default({}),
  targetUserId: z.uuid().nullable().optional().describe('named_account, territory, fallback: the owner'),
  targetTeamId: z.uuid().nullable().optional().describe('round_robin (and territory or fallback by team): the team whose members share the leads'),
  active: z.boolean().default(true),
  position: z.number().int().min(0).optional().describe('Order of evaluation; default: last'),
}).superRefine((r, ctx) => {
  const needsTarget = r.kind === 'named_account' || r.kind === 'territory' || r.kind === 'fallback';
  if (r.kind === 'round_robin' && !r.targetTeamId) ctx.addIssue({ code: 'custom', path: ['targetTeamId'], message: 'a round-robin rule shares leads inside a team: name it' });
  if (needsTarget && !r.targetUserId && !r.targetTeamId) ctx.addIssue({ code: 'custom', path: ['targetUserId'], message: 'name the owner (or a team to share in)' });
  if (r.kind === 'named_account' && !r.conditions.accountIds?.length) ctx.addIssue({ code: 'custom', path: ['conditions', 'accountIds'], message: 'list the named accounts' });
  if (r.kind === 'account_owner' && (r.targetUserId || r.targetTeamId)) ctx.addIssue({ code: 'custom', path: ['targetUserId'], message: 'an account-owner rule goes to the account’s owner; it takes no target' });
});
export type RoutingRuleInput = z.infer<typeof RoutingRuleInput>;

export const RoutingRuleSchema = z.object({
  id: z.uuid(), position: z.number().int(), name: z.string(), kind: z.enum(ROUTING_RULE_KINDS),
  conditions: z.record(z.string(), z.unknown()), targetUserId: z.uuid().nullable(), targetTeamId: z.uuid().nullable(),
  targetName: z.string().nullable(), active: z.boolean(), createdAt: z.date(), updatedAt: z.date(),
}).openapi('RoutingRule');
export type RoutingRule = z.infer<typeof RoutingRuleSchema>;
