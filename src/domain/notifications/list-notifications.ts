import { and, count, eq, getTableColumns, isNull, sql } from 'drizzle-orm';
import { notifications } from '../../db/schema/index.js';
import { authorize } from '../identity/access/authorize.js';
import type { Ctx } from '../shared/context.js';
import { keysetPage, type Page, type PageParams, type SortSpec } from '../shared/list.js';
import type { Notification, NotificationsFilter } from './notification.schema.js';
import { ownUserId } from './own-user.js';

const SORTS: Record<string, SortSpec> = {
  createdAt: { expr: sql`${notifications.createdAt}`, cast: 'timestamptz' },
};

/** The signed-in user's own notices, newest first, and how many are unread. */
export async function listNotifications(ctx: Ctx, filter: NotificationsFilter, page: PageParams): Promise<Page<Notification> & { unreadCount: number }> {
  authorize(ctx, 'notifications:read');
  const userId = ownUserId(ctx);
  const { userId: _user, eventId: _event, ...columns } = getTableColumns(notifications);
  const list = await keysetPage<Notification>({
    params: page, sorts: SORTS, idExpr: sql`${notifications.id}`, idCast: 'uuid',
    where: [eq(notifications.userId, userId), filter.unread ? isNull(notifications.readAt) : undefined],
    run: (w, order, limit) => ctx.db.select({ ...columns, _sort: SORTS[page.sort]!.expr }).from(notifications)
      .where(w).orderBy(order).limit(limit) as Promise<(Notification & { _sort: unknown })[]>,
  });
  const [unread] = await ctx.db.select({ n: count() }).from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return { ...list, unreadCount: unread?.n ?? 0 };
}
