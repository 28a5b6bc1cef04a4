import { and, eq, getTableColumns, gte, lt, sql, type SQL } from 'drizzle-orm';
import { campaigns, touchpoints } from '../../db/schema/index.js';
import type { Ctx } from '../shared/context.js';
import { keysetPage, type Page, type PageParams, type SortSpec } from '../shared/list.js';
import type { Touchpoint, TouchpointFilter } from './touchpoint.schema.js';
import { authorize } from '../identity/access/authorize.js';
import { touchpointsScope } from '../identity/access/record-scope.js';

const SORTS: Record<string, SortSpec> = {
  occurredAt: { expr: sql`${touchpoints.occurredAt}`, cast: 'timestamptz' },
  recordedAt: { expr: sql`${touchpoints.recordedAt}`, cast: 'timestamptz' },
};

/** The effective timeline by default: corrected rows are replaced by their correction, retractions hidden. */
export function touchpointWhere(f: TouchpointFilter): (SQL | undefined)[] {
  return [
    f.personId ? eq(touchpoints.personId, f.personId) : undefined,
    f.accountId ? eq(touchpoints.accountId, f.accountId) : undefined,
    f.campaignId ? eq(touchpoints.campaignId, f.campaignId) : undefined,
    f.side ? eq(touchpoints.side, f.side) : undefined,
    f.channel ? eq(touchpoints.channel, f.channel) : undefined,
    f.kind ? eq(touchpoints.kind, f.kind) : undefined,
    f.from ? gte(touchpoints.occurredAt, f.from) : undefined,
    f.to ? lt(touchpoints.occurredAt, f.to) : undefined,
    f.includeSuperseded ? undefined : and(
      eq(touchpoints.retracted, false),
      sql`not exists (select 1 from touchpoints c where c.corrects_id = ${touchpoints.id})`,
    ),
  ];
}

export async function listTouchpoints(ctx: Ctx, filter: TouchpointFilter, page: PageParams): Promise<Page<Touchpoint>> {
  authorize(ctx, 'touchpoints:read');
  return keysetPage<Touchpoint>({
    params: page,
    sorts: SORTS,
    idExpr: sql`${touchpoints.id}`,
    idCast: 'bigint',
    where: [touchpointsScope(ctx.principal), ...touchpointWhere(filter)],
    run: (w, order, limit) => ctx.db.select({
      ...getTableColumns(touchpoints),
      campaign: sql<Touchpoint['campaign']>`case when ${campaigns.id} is null then null else json_build_object('id', ${campaigns.id}, 'name', ${campaigns.name}) end`,
      person: sql<Touchpoint['person']>`(select json_build_object('id', p.id, 'email', p.email, 'name', nullif(concat_ws(' ', p.first_name, p.last_name), '')) from people p where p.id = ${touchpoints.personId})`,
      account: sql<Touchpoint['account']>`(select json_build_object('id', a.id, 'name', a.name) from accounts a where a.id = ${touchpoints.accountId})`,
      _sort: SORTS[page.sort]!.expr,
    }).from(touchpoints).leftJoin(campaigns, eq(campaigns.id, touchpoints.campaignId))
      .where(w).orderBy(order).limit(limit) as Promise<(Touchpoint & { _sort: unknown })[]>,
  });
}
