import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import { notifications } from '../../db/schema/index.js';
import { authorize } from '../identity/access/authorize.js';
import type { Ctx } from '../shared/context.js';
import { notFound } from '../shared/errors.js';
import type { Notification } from './notification.schema.js';
import { ownUserId } from './own-user.js';

/** Marks one of the user's own notices read (again: keeps the first time). Another user's notice is not found. */
export async function markNotificationRead(ctx: Ctx, id: string): Promise<Notification> {
  authorize(ctx, 'notifications:read');
  const userId = ownUserId(ctx);
  const { userId: _user, eventId: _event, ...columns } = getTableColumns(notifications);
  const [row] = await ctx.db.update(notifications).set({ readAt: sql`coalesce(${notifications.readAt}, ${ctx.clock.now().toISOString()}::timestamptz)` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId))).returning(columns);
  if (!row) throw notFound('notification', id);
  return row;
}
