import { eq } from 'drizzle-orm';
import { routingRules } from '../../db/schema/index.js';
import { authorize } from '../identity/access/authorize.js';
import { recordAudit } from '../shared/audit.js';
import type { Ctx } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';

/** Removes a rule; the hand-offs it made keep their story (kind and why), the link is cleared. */
export async function deleteRoutingRule(ctx: Ctx, id: string): Promise<void> {
  authorize(ctx, 'routing:write');
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const [old] = await tx.delete(routingRules).where(eq(routingRules.id, id)).returning();
    if (!old) throw new DomainError('not_found', `No routing rule ${id}.`);
    await recordAudit(tx, ctx.actor, now, [{ entity: 'routing_rule', entityId: id, action: 'delete', before: old }]);
  });
}
