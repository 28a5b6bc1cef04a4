import { eq, getTableColumns, gte, ilike, lt, or, sql, type SQL } from 'drizzle-orm';
import { people } from '../../db/schema/index.js';
import { customFieldFilters } from '../custom-fields/custom-filter.js';
import { listCustomFields } from '../custom-fields/list-custom-fields.js';
import type { Ctx } from '../shared/context.js';
import { keysetPage, likePattern, type Page, type PageParams, type SortSpec } from '../shared/list.js';
import type { Person, PeopleFilter } from './person.schema.js';
import { authorize } from '../identity/access/authorize.js';
import { peopleScope } from '../identity/access/record-scope.js';

const SORTS: Record<string, SortSpec> = {
  createdAt: { expr: sql`${people.createdAt}`, cast: 'timestamptz' },
  updatedAt: { expr: sql`${people.updatedAt}`, cast: 'timestamptz' },
  email: { expr: sql`${people.email}`, cast: 'text' },
  lastName: { expr: sql`coalesce(${people.lastName}, '')`, cast: 'text' },
  lifecycleStage: { expr: sql`${people.lifecycleStage}`, cast: 'text' },
};

export async function peopleWhere(ctx: Ctx, f: PeopleFilter): Promise<(SQL | undefined)[]> {
  authorize(ctx, 'people:read');
  const defs = f.cf?.length ? await listCustomFields(ctx.db, 'person') : [];
  return [
    peopleScope(ctx.principal),
    f.q ? or(ilike(people.email, likePattern(f.q)), ilike(sql`coalesce(${people.firstName}, '') || ' ' || coalesce(${people.lastName}, '')`, likePattern(f.q)), ilike(people.companyName, likePattern(f.q))) : undefined,
    f.stage ? eq(people.lifecycleStage, f.stage) : undefined,
    f.accountId ? eq(people.accountId, f.accountId) : undefined,
    f.ownerId ? eq(people.ownerId, f.ownerId) : undefined,
    f.country ? eq(people.country, f.country.toUpperCase()) : undefined,
    f.seniority ? eq(people.seniority, f.seniority) : undefined,
    f.source ? eq(people.originalSource, f.source) : undefined,
    f.createdFrom ? gte(people.createdAt, f.createdFrom) : undefined,
    f.createdTo ? lt(people.createdAt, f.createdTo) : undefined,
    ...customFieldFilters(people.custom, defs, f.cf ?? []),
  ];
}

export async function listPeople(ctx: Ctx, filter: PeopleFilter, page: PageParams): Promise<Page<Person>> {
  const where = await peopleWhere(ctx, filter);
  return keysetPage<Person>({
    params: page,
    sorts: SORTS,
    idExpr: sql`${people.id}`,
    idCast: 'uuid',
    where,
    run: (w, order, limit) => ctx.db.select({ ...getTableColumns(people), _sort: SORTS[page.sort]!.expr }).from(people)
      .where(w).orderBy(order).limit(limit) as Promise<(Person & { _sort: unknown })[]>,
  });
}

