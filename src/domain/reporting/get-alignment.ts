import { sql } from 'drizzle-orm';
import { authorize } from '../identity/access/authorize.js';
import type { Ctx } from '../shared/context.js';
import { ALIGNMENT_STATEMENTS, alignmentBand } from './alignment.js';
import type { Alignment } from './alignment.schema.js';
import { forecastAccuracy, quarterLabel } from './forecast.js';
import { quarterForecast } from './get-goal-board.js';

const WINDOW_DAYS = 90;
const fig = (value: number | null, why: string) => ({ value, why: value === null ? why : null });

/**
 * The alignment diagnostic: each quarter's average totals of sales and of marketing, their bands
 * and the gap; the latest quarter statement by statement; the caller's own answers; and beside
 * them the same ideas measured from the records over the last 90 days.
 */
export async function getAlignment(ctx: Ctx): Promise<Alignment> {
  authorize(ctx, 'reports:read');
  const now = ctx.clock.now();
  const { rows: sides } = await ctx.db.execute<{ quarter: string; side: 'sales' | 'marketing'; n: number; total: number }>(sql`
    select quarter, side, count(*)::int as n, avg(total)::float8 as total from alignment_responses group by quarter, side order by quarter`);
  const quarters = [...new Set(sides.map((s) => s.quarter))].map((quarter) => {
    const of = (side: 'sales' | 'marketing') => {
      const r = sides.find((s) => s.quarter === quarter && s.side === side);
      return r ? { respondents: r.n, total: r.total, band: alignmentBand(r.total) } : { respondents: 0, total: null, band: null };
    };
    const sales = of('sales'), marketing = of('marketing');
    return { quarter, sales, marketing, gap: sales.total !== null && marketing.total !== null ? sales.total - marketing.total : null };
  });
  const last = quarters.at(-1)?.quarter;
  const { rows: byStatement } = last ? await ctx.db.execute<{ i: number; side: string; avg: number }>(sql`
    select r.i::int as i, a.side, avg(r.rating)::float8 as avg from alignment_responses a, unnest(a.ratings) with ordinality as r(rating, i)
    where a.quarter = ${last} group by r.i, a.side`) : { rows: [] };
  const { rows: [mine] } = ctx.principal.userId ? await ctx.db.execute<{ quarter: string; ratings: number[]; total: number; side: 'sales' | 'marketing' }>(sql`
    select quarter, ratings, total, side from alignment_responses where user_id = ${ctx.principal.userId}::uuid and quarter = ${quarterLabel(now)}`) : { rows: [] };

  const since = new Date(now.getTime() - WINDOW_DAYS * 86_400_000);
  const { rows: [s] } = await ctx.db.execute<{ accepted: number; rejected: number; assigned: number; breached: number; deals: number; disputes: number; journeys: number; influenced: number }>(sql`
    select
      (select count(*) from handoffs where accepted_at >= ${since})::int as accepted,
      (select count(*) from handoffs where status = 'rejected' and rejected_at >= ${since})::int as rejected,
      (select count(*) from handoffs where assigned_at >= ${since})::int as assigned,
      (select count(distinct b.handoff_id) from sla_breaches b join handoffs h on h.id = b.handoff_id where b.kind = 'accept' and h.assigned_at >= ${since})::int as breached,
      (select count(*) from opportunities where created_at >= ${since})::int as deals,
      (select count(*) from attribution_disputes where created_at >= ${since})::int as disputes,
      (select count(*) from attribution_journeys where created_at >= ${since})::int as journeys,
      (select count(*) from attribution_journeys where created_at >= ${since} and influenced)::int as influenced`);
  const previous = quarterLabel(now, -1);
  const { rows: [snap] } = await ctx.db.execute<{ currency: string; weighted: number }>(sql`
    select currency, weighted::float8 as weighted from forecast_snapshots where quarter = ${previous} order by taken_on, weighted desc limit 1`);
  const accuracy = snap
    ? fig(forecastAccuracy(snap.weighted, (await quarterForecast(ctx, previous)).won.find((w) => w.currency === snap.currency)?.amount ?? 0), `nothing was won in ${previous}`)
    : fig(null, `no forecast was recorded during ${previous} (the weekly digest records one every week)`);
  const decided = s!.accepted + s!.rejected;
  return {
    statements: [...ALIGNMENT_STATEMENTS],
    quarters,
    latest: last ? {
      quarter: last,
      byStatement: ALIGNMENT_STATEMENTS.map((_, i) => ({
        statement: i + 1,
        sales: byStatement.find((b) => b.i === i + 1 && b.side === 'sales')?.avg ?? null,
        marketing: byStatement.find((b) => b.i === i + 1 && b.side === 'marketing')?.avg ?? null,
      })),
    } : null,
    mine: mine ? { ...mine, ratings: mine.ratings.map(Number) } : null,
    signals: {
      windowDays: WINDOW_DAYS,
      forecastAccuracy: accuracy,
      mqlAcceptanceRate: fig(decided ? s!.accepted / decided : null, 'no hand-off was answered in the last 90 days'),
      slaCompliance: fig(s!.assigned ? 1 - s!.breached / s!.assigned : null, 'no lead was handed off in the last 90 days'),
      disputeRate: fig(s!.deals ? s!.disputes / s!.deals : null, 'no deal was created in the last 90 days'),
      marketingInfluencedShare: fig(s!.journeys ? s!.influenced / s!.journeys : null, 'no deal created in the last 90 days has been attributed yet'),
      feedbackItems: fig(null, 'feedback from prospects is not recorded in Truce yet (the feedback module has not landed)'),
    },
  };
}
