import { eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { users } from '../../db/schema/index.js';
import type { Ctx } from '../shared/context.js';
import { authorize } from './access/authorize.js';
import { keysetPage, likePattern, type Page, type PageParams, type SortSpec } from '../shared/list.js';
import { publicUserColumns } from './public-user.js';
import type { User, UsersFilter } from './user.schema.js';

const SORTS: Record<string, SortSpec> = {
  name: { expr: sql`lower(${users.name})`, cast: 'text' },
  email: { expr: sql`${users.email}`, cast: 'text' },
  createdAt: { expr: sql`${users.createdAt}`, cast: 'timestamptz' },
};

export function usersWhere(f: UsersFilter): (SQL | undefined)[] {
  return [
    f.q ? or(ilike(users.name, likePattern(f.q)), ilike(users.email, likePattern(f.q))) : undefined,
    f.role ? eq(users.role, f.role) : undefined,
    f.teamId ? eq(users.teamId, f.teamId) : undefined,
    f.active !== undefined ? eq(users.active, f.active) : undefined,
  ];
}

export async function listUsers(ctx: Ctx, filter: UsersFilter, page: PageParams): Promise<Page<User>> {
  authorize(ctx, 'users:read');
  return keysetPage<User>({
    params: page, sorts: SORTS, idExpr: sql`${users.id}`, idCast: 'uuid', where: usersWhere(filter),
    run: (w, order, limit) => ctx.db.select({ ...publicUserColumns, _sort: SORTS[page.sort]!.expr })
      .from(users).where(w).orderBy(order).limit(limit) as Promise<(User & { _sort: unknown })[]>,
  });
}
