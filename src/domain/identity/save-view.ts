import { savedViews } from '../../db/schema/index.js';
import { recordAudit } from '../shared/audit.js';
import type { Ctx } from '../shared/context.js';
import type { SaveViewInput, SavedView } from './saved-view.schema.js';
import { viewOwnerOf } from './view-access.js';

export async function saveView(ctx: Ctx, input: SaveViewInput): Promise<SavedView> {
  const userId = viewOwnerOf(ctx, input.list);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(savedViews).values({ ...input, userId, createdAt: now, updatedAt: now }).returning();
    await recordAudit(tx, ctx.actor, now, [{ entity: 'saved_view', entityId: row!.id, action: 'create', after: row }]);
    return { ...row!, ownerName: null, mine: true };
  });
}
