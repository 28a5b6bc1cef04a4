import { eq } from 'drizzle-orm';
import { savedViews } from '../../db/schema/index.js';
import { recordAudit } from '../shared/audit.js';
import type { Ctx } from '../shared/context.js';
import { ownView } from './view-access.js';

export async function deleteView(ctx: Ctx, id: string): Promise<void> {
  const before = await ownView(ctx, id);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await tx.delete(savedViews).where(eq(savedViews.id, id));
    await recordAudit(tx, ctx.actor, now, [{ entity: 'saved_view', entityId: id, action: 'delete', before }]);
  });
}
