import { eq } from 'drizzle-orm';
import { opportunities } from '../../db/schema/index.js';
import { assertCustomValues } from '../custom-fields/check-custom-values.js';
import { listCustomFields } from '../custom-fields/list-custom-fields.js';
import { recordAudit } from '../shared/audit.js';
import type { Ctx } from '../shared/context.js';
import { notFound, recordForbidden } from '../shared/errors.js';
import { closeState } from './close-state.js';
import type { Opportunity, UpdateOpportunityInput } from './opportunity.schema.js';
import { setContactRoles } from './set-contact-roles.js';
import { authorize } from '../identity/access/authorize.js';
import { assertVisible } from '../identity/access/assert-visible.js';
import { assertOwnerInScope } from '../identity/access/owner-scope.js';
import { isScoped } from '../identity/access/permissions.js';

export async function updateOpportunity(ctx: Ctx, id: string, input: UpdateOpportunityInput): Promise<Opportunity> {
  authorize(ctx, 'opportunities:write');
  await assertVisible(ctx, 'opportunity', id);
  const { contacts, custom: rawCustom, ...fields } = input;
  const custom = rawCustom ? assertCustomValues(await listCustomFields(ctx.db, 'opportunity'), rawCustom) : undefined;
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(opportunities).where(eq(opportunities.id, id)).for('update');
    if (!before) throw notFound('opportunity', id);
    assertOwnsDeal(ctx, before);
    if (fields.ownerId !== undefined) assertOwnerInScope(ctx, fields.ownerId);
    const stage = fields.stage ?? before.stage;
    const [after] = await tx.update(opportunities).set({
      ...fields,
      custom: custom ? { ...before.custom, ...custom } : before.custom,
      ...closeState(stage, before, now),
      updatedAt: now,
    }).where(eq(opportunities.id, id)).returning();
    if (contacts) await setContactRoles(tx, id, contacts);
    await recordAudit(tx, ctx.actor, now, [{ entity: 'opportunity', entityId: id, action: 'update', before, after: contacts ? { ...after, contacts } : after }]);
    return after!;
  });
}

/** Sellers see the deals on the accounts they own, but change only their own (or their team's). */
function assertOwnsDeal(ctx: Ctx, deal: { id: string; ownerId: string | null }): void {
  const p = ctx.principal;
  if (!isScoped(p.role) || (deal.ownerId !== null && p.teamUserIds.includes(deal.ownerId))) return;
  ctx.log.warn({ userId: p.userId, opportunityId: deal.id }, 'refused: another seller\'s deal');
  throw recordForbidden('opportunity', deal.id);
}
