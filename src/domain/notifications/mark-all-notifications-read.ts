import { and, eq, isNull } from 'drizzle-orm';
import { notifications } from '../../db/schema/index.js';
import { authorize } from '../identity/access/authorize.js';
import type { Ctx } from '../shared/context.js';
import { ownUserId } from './own-user.js';

/** Marks every unread notice of the user read; answers how many. */
export async function markAllNotificationsRead(ctx: Ctx): Promise<{ marked: number }> {
  authorize(ctx, 'notifications:read');
  const userId = ownUserId(ctx);
  const rows = await ctx.db.update(notifications).set({ readAt: ctx.clock.now() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt))).returning({ id: notifications.id });
  return { marked: rows.length };
}
