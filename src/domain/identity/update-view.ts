import { eq } from 'drizzle-orm';
import { savedViews } from '../../db/schema/index.js';
import { recordAudit } from '../shared/audit.js';
import type { Ctx } from '../shared/context.js';
import type { SavedView, UpdateViewInput } from './saved-view.schema.js';
import { ownView } from './view-access.js';

export async function updateView(ctx: Ctx, id: string, input: UpdateViewInput): Promise<SavedView> {
  const before = await ownView(ctx, id);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.update(savedViews).set({ ...input, updatedAt: now }).where(eq(savedViews.id, id)).returning();
    await recordAudit(tx, ctx.actor, now, [{ entity: 'saved_view', entityId: id, action: 'update', before, after: row }]);
    return { ...row!, ownerName: before.ownerName, mine: before.mine };
  });
}
