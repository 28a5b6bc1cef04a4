import { eq } from 'drizzle-orm';
import { campaigns } from '../../db/schema/index.js';
import { recordAudit } from '../shared/audit.js';
import type { Ctx } from '../shared/context.js';
import { notFound } from '../shared/errors.js';
import type { Campaign, UpdateCampaignInput } from './campaign.schema.js';
import { authorize } from '../identity/access/authorize.js';

export async function updateCampaign(ctx: Ctx, id: string, input: UpdateCampaignInput): Promise<Campaign> {
  authorize(ctx, 'campaigns:write');
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(campaigns).where(eq(campaigns.id, id)).for('update');
    if (!before) throw notFound('campaign', id);
    const [after] = await tx.update(campaigns).set({ ...input, updatedAt: now }).where(eq(campaigns.id, id)).returning();
    await recordAudit(tx, ctx.actor, now, [{ entity: 'campaign', entityId: id, action: 'update', before, after }]);
    return after!;
  });
}
