import { eq, getTableColumns, gte, ilike, isNull, lte, sql, type SQL } from 'drizzle-orm';
import { opportunities } from '../../db/schema/index.js';
import { OPPORTUNITY_STAGES } from '../../db/schema/vocabulary.js';
import { customFieldFilters } from '../custom-fields/custom-filter.js';
import { listCustomFields } from '../custom-fields/list-custom-fields.js';
import type { Ctx } from '../shared/context.js';
import { keysetPage, likePattern, type Page, type PageParams, type SortSpec } from '../shared/list.js';
import type { OpportunitiesFilter, OpportunityListItem } from './opportunity.schema.js';
import { authorize } from '../identity/access/authorize.js';
import { opportunitiesScope } from '../identity/access/record-scope.js';

const SORTS: Record<string, SortSpec> = {
  createdAt: { expr: sql`${opportunities.createdAt}`, cast: 'timestamptz' },
  amount: { expr: sql`${opportunities.amount}`, cast: 'numeric' },
  closeDate: { expr: sql`coalesce(${opportunities.closeDate}, '2999-12-31')`, cast: 'date' },
  name: { expr: sql`lower(${opportunities.name})`, cast: 'text' },
  /** In the order of the sales cycle. */
  stage: { expr: sql`array_position(array[${sql.raw(OPPORTUNITY_STAGES.map((s) => `'${s}'`).join(', '))}]::text[], ${opportunities.stage})`, cast: 'numeric' },
  owner: { expr: sql`coalesce((select lower(u.name) from users u where u.id = "opportunities"."owner_id"), '')`, cast: 'text' },
};

export async function opportunitiesWhere(ctx: Ctx, f: OpportunitiesFilter): Promise<(SQL | undefined)[]> {
  authorize(ctx, 'opportunities:read');
  const defs = f.cf?.length ? await listCustomFields(ctx.db, 'opportunity') : [];
  return [
    opportunitiesScope(ctx.principal),
    f.q ? ilike(opportunities.name, likePattern(f.q)) : undefined,
    f.accountId ? eq(opportunities.accountId, f.accountId) : undefined,
    f.ownerId ? eq(opportunities.ownerId, f.ownerId) : undefined,
    f.stage ? eq(opportunities.stage, f.stage) : undefined,
    f.status === 'open' ? isNull(opportunities.isWon) : f.status ? eq(opportunities.isWon, f.status === 'won') : undefined,
    f.closeFrom ? gte(opportunities.closeDate, f.closeFrom) : undefined,
    f.closeTo ? lte(opportunities.closeDate, f.closeTo) : undefined,
    f.personId ? sql`exists (select 1 from opportunity_contacts oc where oc.opportunity_id = ${sql.raw('"opportunities"."id"')} and oc.person_id = ${f.personId})` : undefined,
    ...customFieldFilters(opportunities.custom, defs, f.cf ?? []),
  ];
}

const names = {
  accountName: sql<string>`(select a.name from accounts a where a.id = "opportunities"."account_id")`,
  ownerName: sql<string | null>`(select u.name from users u where u.id = "opportunities"."owner_id")`,
};

export async function listOpportunities(ctx: Ctx, filter: OpportunitiesFilter, page: PageParams): Promise<Page<OpportunityListItem>> {
  return keysetPage<OpportunityListItem>({
    params: page, sorts: SORTS, idExpr: sql`${sql.raw('"opportunities"."id"')}`, idCast: 'uuid', where: await opportunitiesWhere(ctx, filter),
    run: (w, order, limit) => ctx.db.select({ ...getTableColumns(opportunities), ...names, _sort: SORTS[page.sort]!.expr })
      .from(opportunities).where(w).orderBy(order).limit(limit) as Promise<(OpportunityListItem & { _sort: unknown })[]>,
  });
}
