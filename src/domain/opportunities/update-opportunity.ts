import { eq } from 'drizzle-orm';
import { opportunities } from '../../db/schema/index.js';
import { assertCustomValues } from '../custom-fields/check-custom-values.js';
import { listCustomFields } from '../custom-fields/list-custom-fields.js';
import { recordAudit } from '../shared/audit.js';
import type { Ctx } from '../shared/context.js';
import { notFound } from '../shared/errors.js';
import { closeState } from './close-state.js';
import type { Opportunity, UpdateOpportunityInput } from './opportunity.schema.js';
import { setContactRoles } from './set-contact-roles.js';

export async function updateOpportunity(ctx: Ctx, id: string, input: UpdateOpportunityInput): Promise<Opportunity> {
  const { contacts, custom: rawCustom, ...fields } = input;
  const custom = rawCustom ? assertCustomValues(await listCustomFields(ctx.db, 'opportunity'), rawCustom) : undefined;
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(opportunities).where(eq(opportunities.id, id)).for('update');
    if (!before) throw notFound('opportunity', id);
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
