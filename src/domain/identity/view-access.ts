import { eq, sql } from 'drizzle-orm';
import { savedViews, users } from '../../db/schema/index.js';
import type { SavedViewList } from '../../db/schema/vocabulary.js';
import type { Ctx } from '../shared/context.js';
import { authorize } from './access/authorize.js';
import type { Permission } from './access/permissions.js';
import { DomainError, notFound, recordForbidden } from '../shared/errors.js';
import type { SavedView } from './saved-view.schema.js';

/** Saved views belong to a person: the system (CLI, jobs) has none. */
export function viewOwner(ctx: Ctx): string {
  if (!ctx.principal.userId) throw new DomainError('forbidden', 'Saved views belong to a user; this key or command acts for nobody.');
  return ctx.principal.userId;
}

/** Who may read a list may keep views of it: a view is a saved query of that list. */
const LIST_PERMISSION: Record<SavedViewList, Permission> = {
  people: 'people:read', accounts: 'accounts:read', opportunities: 'opportunities:read', campaigns: 'campaigns:read', touchpoints: 'touchpoints:read', users: 'users:read',
};

/** The signed-in owner of views of this list, if their role may read the list (403 otherwise). */
export function viewOwnerOf(ctx: Ctx, list: SavedViewList): string {
  authorize(ctx, LIST_PERMISSION[list]);
  return viewOwner(ctx);
}

export const viewColumns = {
  id: savedViews.id, userId: savedViews.userId, list: savedViews.list, name: savedViews.name, query: savedViews.query,
  columns: savedViews.columns, shared: savedViews.shared, createdAt: savedViews.createdAt, updatedAt: savedViews.updatedAt,
  ownerName: users.name,
};

/** The view, if the caller may change it: its owner, or an admin. 404 if unknown, 403 if someone else's. */
export async function ownView(ctx: Ctx, id: string): Promise<SavedView> {
  const me = viewOwner(ctx);
  const [row] = await ctx.db.select(viewColumns).from(savedViews).leftJoin(users, eq(users.id, savedViews.userId))
    .where(sql`${savedViews.id} = ${id}::uuid`);
  if (!row || (row.userId !== me && !row.shared && ctx.principal.role !== 'admin')) throw notFound('saved view', id);
  if (row.userId !== me && ctx.principal.role !== 'admin') {
    ctx.log.warn({ userId: me, viewId: id }, 'refused: someone else\'s saved view');
    throw recordForbidden('saved view', id);
  }
  return { ...row, mine: row.userId === me };
}
