import { and, asc, desc, eq, or, sql } from 'drizzle-orm';
import { savedViews, users } from '../../db/schema/index.js';
import type { SavedViewList } from '../../db/schema/vocabulary.js';
import type { Ctx } from '../shared/context.js';
import type { SavedView } from './saved-view.schema.js';
import { viewColumns, viewOwnerOf } from './view-access.js';

/** The caller's views of a list, then the ones others shared. */
export async function listViews(ctx: Ctx, list: SavedViewList): Promise<SavedView[]> {
  const me = viewOwnerOf(ctx, list);
  const rows = await ctx.db.select(viewColumns).from(savedViews).leftJoin(users, eq(users.id, savedViews.userId))
    .where(and(eq(savedViews.list, list), or(eq(savedViews.userId, me), eq(savedViews.shared, true))))
    .orderBy(desc(sql`${savedViews.userId} = ${me}::uuid`), asc(sql`lower(${savedViews.name})`))
    .limit(200);
  return rows.map((r) => ({ ...r, mine: r.userId === me }));
}
