import { eq, getTableColumns, ilike, sql, type SQL } from 'drizzle-orm';
import { campaigns } from '../../db/schema/index.js';
import type { Ctx } from '../shared/context.js';
import { keysetPage, likePattern, type Page, type PageParams, type SortSpec } from '../shared/list.js';
import type { Campaign, CampaignsFilter } from './campaign.schema.js';
import { authorize } from '../identity/access/authorize.js';

const SORTS: Record<string, SortSpec> = {
  startsOn: { expr: sql`coalesce(${campaigns.startsOn}, '1900-01-01')`, cast: 'date' },
  name: { expr: sql`lower(${campaigns.name})`, cast: 'text' },
  actualCost: { expr: sql`coalesce(${campaigns.actualCost}, 0)`, cast: 'numeric' },
  createdAt: { expr: sql`${campaigns.createdAt}`, cast: 'timestamptz' },
};

/** Filters of the campaign list; `today` decides planned, running and ended. */
export function campaignsWhere(f: CampaignsFilter, today: string): (SQL | undefined)[] {
  const starts = sql`coalesce(${campaigns.startsOn}, '1900-01-01'::date)`;
  const ends = sql`coalesce(${campaigns.endsOn}, '2999-12-31'::date)`;
  return [
    f.status === 'planned' ? sql`${starts} > ${today}::date` : undefined,
    f.status === 'running' ? sql`${starts} <= ${today}::date and ${ends} >= ${today}::date` : undefined,
    f.status === 'ended' ? sql`${ends} < ${today}::date` : undefined,
    f.from ? sql`${ends} >= ${f.from}::date` : undefined,
    f.to ? sql`${starts} <= ${f.to}::date` : undefined,
    f.q ? ilike(campaigns.name, likePattern(f.q)) : undefined,
    f.type ? eq(campaigns.type, f.type) : undefined,
    f.channel ? eq(campaigns.channel, f.channel) : undefined,
    f.ownerId ? eq(campaigns.ownerId, f.ownerId) : undefined,
  ];
}

export async function listCampaigns(ctx: Ctx, filter: CampaignsFilter, page: PageParams): Promise<Page<Campaign>> {
  authorize(ctx, 'campaigns:read');
  return keysetPage<Campaign>({
    params: page, sorts: SORTS, idExpr: sql`${campaigns.id}`, idCast: 'uuid', where: campaignsWhere(filter, ctx.clock.now().toISOString().slice(0, 10)),
    run: (w, order, limit) => ctx.db.select({ ...getTableColumns(campaigns), _sort: SORTS[page.sort]!.expr })
      .from(campaigns).where(w).orderBy(order).limit(limit) as Promise<(Campaign & { _sort: unknown })[]>,
  });
}
