import { sql } from 'drizzle-orm';
import { authorize } from '../identity/access/authorize.js';
import { opportunitiesScope } from '../identity/access/record-scope.js';
import type { Ctx } from '../shared/context.js';
import type { SourcedRow } from './attribution.schema.js';

/**
 * Pipeline (deals at their amount at creation, by the quarter they were created) and revenue
 * (won deals at their won amount, by the quarter they were won), split by source (who made the first touch before the deal, or the ruling on a
 * dispute) and by marketing influence (a marketing touch in the deal's window), per currency,
 * over the deals the caller may see.
 */
export async function getSourcedInfluenced(ctx: Ctx, q: { from?: string | undefined; to?: string | undefined }): Promise<SourcedRow[]> {
  authorize(ctx, 'attribution:read');
  const scope = opportunitiesScope(ctx.principal) ?? sql`true`;
  const period = (col: ReturnType<typeof sql>) => sql`${col} is not null
    ${q.from ? sql`and ${col} >= ${`${q.from}-01`}::timestamptz` : sql``}
    ${q.to ? sql`and ${col} < (${`${q.to}-01`}::date + interval '1 month')` : sql``}`;
  const quarter = (col: ReturnType<typeof sql>) => sql`to_char(${col} at time zone 'UTC', 'YYYY') || '-Q' || to_char(${col} at time zone 'UTC', 'Q')`;
  const { rows } = await ctx.db.execute<{ quarter: string; source: SourcedRow['source']; influenced: boolean; currency: string; pipeline: number; pipeline_deals: number; revenue: number; won_deals: number }>(sql`
    with visible as (
      select j.* from attribution_journeys j join opportunities on opportunities.id = j.opportunity_id where ${scope}
    ), facts as (
      select ${quarter(sql`created_at`)} as quarter, coalesce(source, 'unknown') as source, influenced, currency,
        pipeline_amount as pipeline, 1 as pipeline_deals, 0::numeric as revenue, 0 as won_deals
      from visible where ${period(sql`created_at`)}
      union all
      select ${quarter(sql`won_at`)}, coalesce(source, 'unknown'), influenced, currency, 0, 0, amount, 1
      from visible where ${period(sql`won_at`)}
    )
    select quarter, source, influenced, currency, sum(pipeline)::float8 as pipeline, sum(pipeline_deals)::int as pipeline_deals,
      sum(revenue)::float8 as revenue, sum(won_deals)::int as won_deals
    from facts group by 1, 2, 3, 4 order by 1, 2, 3, 4`);
  return rows.map((r) => ({
    quarter: r.quarter, source: r.source, influenced: r.influenced, currency: r.currency,
    pipeline: r.pipeline, pipelineDeals: r.pipeline_deals, revenue: r.revenue, wonDeals: r.won_deals,
  }));
}
