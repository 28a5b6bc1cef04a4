import { eq, sql } from 'drizzle-orm';
import { routingRules } from '../../db/schema/index.js';
import { authorize } from '../identity/access/authorize.js';
import { recordAudit } from '../shared/audit.js';
import type { Ctx } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';
import { checkRuleTargets } from './check-rule-targets.js';
import { listRoutingRules } from './list-routing-rules.js';
import type { RoutingRule, RoutingRuleInput } from './routing-rule.schema.js';

/**
 * Creates a rule (id omitted) or replaces one, at the position asked (others shift), after
 * checking that it points at someone who can take leads. Sales managers and admins only.
 */
export async function saveRoutingRule(ctx: Ctx, input: RoutingRuleInput, id?: string): Promise<RoutingRule> {
  authorize(ctx, 'routing:write');
  // Targets are checked when they change: moving or renaming a rule whose user has since been
  // disabled stays possible (routing skips that user until the rule is fixed).
  const [stored] = id ? await ctx.db.select().from(routingRules).where(eq(routingRules.id, id)) : [];
  const sameTargets = stored && stored.targetUserId === (input.targetUserId ?? null) && stored.targetTeamId === (input.targetTeamId ?? null)
    && JSON.stringify(stored.conditions.accountIds ?? []) === JSON.stringify(input.conditions.accountIds ?? []) && (stored.active || !input.active);
  if (!sameTargets) await checkRuleTargets(ctx.db, input);
  const now = ctx.clock.now();
  const savedId = await ctx.db.transaction(async (tx) => {
    const { rows: ordered } = await tx.execute<{ id: string }>(sql`select id from routing_rules order by position, created_at, id for update`);
    const order = ordered.map((r) => r.id).filter((x) => x !== id);
    let before: unknown = null;
    const values = { name: input.name, kind: input.kind, conditions: input.conditions, targetUserId: input.targetUserId ?? null, targetTeamId: input.targetTeamId ?? null, active: input.active, updatedAt: now };
    let ruleId = id;
    if (id) {
      const [old] = await tx.select().from(routingRules).where(eq(routingRules.id, id));
      if (!old) throw new DomainError('not_found', `No routing rule ${id}.`);
      before = old;
      await tx.update(routingRules).set(values).where(eq(routingRules.id, id));
      if (input.position === undefined) order.splice(ordered.findIndex((r) => r.id === id), 0, id);
    } else {
      const [made] = await tx.insert(routingRules).values({ ...values, position: order.length, createdAt: now }).returning({ id: routingRules.id });
      ruleId = made!.id;
      if (input.position === undefined) order.push(ruleId);
    }
    if (input.position !== undefined) order.splice(Math.min(input.position, order.length), 0, ruleId!);
    const positions = JSON.stringify(order.map((rid, i) => ({ id: rid, p: i })));
    await tx.execute(sql`update routing_rules r set position = x.p from jsonb_to_recordset(${positions}::jsonb) as x(id uuid, p int) where r.id = x.id and r.position <> x.p`);
    await recordAudit(tx, ctx.actor, now, [{ entity: 'routing_rule', entityId: ruleId!, action: id ? 'update' : 'create', before, after: { ...values, position: order.indexOf(ruleId!) } }]);
    return ruleId!;
  });
  return (await listRoutingRules(ctx)).find((r) => r.id === savedId)!;
}
