import { eq, getTableColumns, ilike, or, sql, type SQL } from 'drizzle-orm';
import { accounts } from '../../db/schema/index.js';
import { customFieldFilters } from '../custom-fields/custom-filter.js';
import { listCustomFields } from '../custom-fields/list-custom-fields.js';
import type { Ctx } from '../shared/context.js';
import { keysetPage, likePattern, type Page, type PageParams, type SortSpec } from '../shared/list.js';
import type { Account, AccountsFilter } from './account.schema.js';
import { authorize } from '../identity/access/authorize.js';
import { accountsScope } from '../identity/access/record-scope.js';

const SORTS: Record<string, SortSpec> = {
  name: { expr: sql`lower(${accounts.name})`, cast: 'text' },
  createdAt: { expr: sql`${accounts.createdAt}`, cast: 'timestamptz' },
  employeeCount: { expr: sql`coalesce(${accounts.employeeCount}, -1)`, cast: 'numeric' },
  annualRevenue: { expr: sql`coalesce(${accounts.annualRevenue}, -1)`, cast: 'numeric' },
};

export const domainsOf = sql<string[]>`coalesce((select array_agg(d.domain order by d.domain) from account_domains d where d.account_id = ${sql.raw('"accounts"."id"')}), '{}')`;

export async function accountsWhere(ctx: Ctx, f: AccountsFilter): Promise<(SQL | undefined)[]> {
  authorize(ctx, 'accounts:read');
  const defs = f.cf?.length ? await listCustomFields(ctx.db, 'account') : [];
  return [
    accountsScope(ctx.principal),
    f.q ? or(ilike(accounts.name, likePattern(f.q)),
      sql`exists (select 1 from account_domains d where d.account_id = ${sql.raw('"accounts"."id"')} and d.domain like ${likePattern(f.q.toLowerCase())})`) : undefined,
    f.industry ? eq(accounts.industry, f.industry) : undefined,
    f.country ? eq(accounts.country, f.country.toUpperCase()) : undefined,
    f.tier ? eq(accounts.tier, f.tier) : undefined,
    f.ownerId ? eq(accounts.ownerId, f.ownerId) : undefined,
    f.parentId ? eq(accounts.parentId, f.parentId) : undefined,
    ...customFieldFilters(accounts.custom, defs, f.cf ?? []),
  ];
}

export async function listAccounts(ctx: Ctx, filter: AccountsFilter, page: PageParams): Promise<Page<Account>> {
  return keysetPage<Account>({
    params: page,
    sorts: SORTS,
    idExpr: sql`${sql.raw('"accounts"."id"')}`,
    idCast: 'uuid',
    where: await accountsWhere(ctx, filter),
    run: (w, order, limit) => ctx.db.select({ ...getTableColumns(accounts), domains: domainsOf, _sort: SORTS[page.sort]!.expr })
      .from(accounts).where(w).orderBy(order).limit(limit) as Promise<(Account & { _sort: unknown })[]>,
  });
}
