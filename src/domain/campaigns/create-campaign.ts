import { campaigns } from '../../db/schema/index.js';
import { recordAudit } from '../shared/audit.js';
import type { Ctx } from '../shared/context.js';
import type { Campaign, CreateCampaignInput } from './campaign.schema.js';
import { authorize } from '../identity/access/authorize.js';

export async function createCampaign(ctx: Ctx, input: CreateCampaignInput): Promise<Campaign> {
  authorize(ctx, 'campaigns:write');
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(campaigns).values({ ...input, createdAt: now, updatedAt: now }).returning();
    await recordAudit(tx, ctx.actor, now, [{ entity: 'campaign', entityId: row!.id, action: 'create', after: row }]);
    return row!;
  });
}
