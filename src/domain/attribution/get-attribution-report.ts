import { sql, type SQL } from 'drizzle-orm';
import { authorize } from '../identity/access/authorize.js';
import type { Ctx } from '../shared/context.js';
import type { AttributionReport, ReportQuery } from './attribution.schema.js';

/** `[from, to]` months (YYYY-MM) as a predicate on a `date` month column. */
export function monthRange(column: SQL, from?: string, to?: string): SQL {
  const parts: SQL[] = [sql`true`];
  if (from) parts.push(sql`${column} >= ${`${from}-01`}::date`);
  if (to) parts.push(sql`${column} <= ${`${to}-01`}::date`);
  return sql.join(parts, sql` and `);
}

/**
 * Credit by channel, campaign, asset, team, side or month under one model, and a second one side
 * by side, from the rollups (milliseconds, whatever the number of touches). Money stays per
 * currency. With it: what the deals of the period are worth (pipeline: their amounts at creation;
 * revenue: their won amounts; every model distributes exactly that), the deals nobody can be credited for (no touch in their window), and how many deals
 * carry each flagged condition. Figures are company-wide; drill-downs list only visible deals.
 */
export async function getAttributionReport(ctx: Ctx, q: ReportQuery): Promise<AttributionReport> {
  authorize(ctx, 'attribution:read');
  const models = q.compare ? [q.model, q.compare] : [q.model];
  const dimension = q.dimension === 'month' ? 'channel' : q.dimension;
  const keyExpr = q.dimension === 'month' ? sql`to_char(r.month, 'YYYY-MM')` : sql`r.key`;
  const { rows } = await ctx.db.execute<{ key: string; currency: string; model: string; credit: number; deals: number }>(sql`
    select ${keyExpr} as key, r.currency, r.model, sum(r.credit)::float8 as credit, sum(r.deals)::float8 as deals
    from attribution_rollups r
    where r.dimension = ${dimension} and r.stage = ${q.stage} and r.model in (${sql.join(models.map((m) => sql`${m}`), sql`, `)})
      and ${monthRange(sql`r.month`, q.from, q.to)}
    group by 1, 2, 3`);
  const labels = await labelsFor(ctx, q.dimension, [...new Set(rows.map((r) => r.key))]);
  const byKey = new Map<string, AttributionReport['rows'][number]>();
  for (const r of rows) {
    const id = `${r.key}\u0000${r.currency}`;
    let row = byKey.get(id);
    if (!row) {
      row = { key: r.key, label: labels.get(r.key) ?? (r.key || '(none)'), currency: r.currency, model: { credit: 0, deals: 0 }, compare: q.compare ? { credit: 0, deals: 0 } : null };
      byKey.set(id, row);
    }
    const fig = { credit: r.credit, deals: r.deals };
    if (r.model === q.model) row.model = fig;
    if (q.compare && r.model === q.compare) row.compare = fig;
  }
  const sorted = [...byKey.values()].sort((a, b) => (q.dimension === 'month' ? a.key.localeCompare(b.key) : b.model.credit - a.model.credit || a.label.localeCompare(b.label)));

  const at = q.stage === 'pipeline' ? sql`j.created_at` : sql`j.won_at`;
  const inPeriod = sql`${at} is not null and ${monthRange(sql`date_trunc('month', ${at} at time zone 'UTC')::date`, q.from, q.to)}`;
  const counted = q.stage === 'pipeline' ? sql`j.pipeline_touches > 0` : sql`j.touches > 0`;
  // What the rollups distribute: pipeline the amount at creation, revenue the won amount.
  const worth = q.stage === 'pipeline' ? sql`j.pipeline_amount` : sql`j.amount`;
  const { rows: money } = await ctx.db.execute<{ currency: string; amount: number; deals: number; unamount: number; undeals: number }>(sql`
    select j.currency, coalesce(sum(${worth}) filter (where ${counted}), 0)::float8 as amount, count(*) filter (where ${counted})::int as deals,
      coalesce(sum(${worth}) filter (where not (${counted})), 0)::float8 as unamount, count(*) filter (where not (${counted}))::int as undeals
    from attribution_journeys j where ${inPeriod} group by j.currency order by j.currency`);
  const { rows: flags } = await ctx.db.execute<{ flag: string; n: number }>(sql`
    select split_part(f, ':', 1) || case when f like 'fallback_linear:%' then ':' || split_part(f, ':', 2) else '' end as flag, count(distinct j.opportunity_id)::int as n
    from attribution_journeys j cross join unnest(j.flags) as f where ${inPeriod} group by 1 order by 1`);
  const { rows: [meta] } = await ctx.db.execute<{ computed: Date | null; fitted: boolean }>(sql`
    select (select max(computed_at) from attribution_journeys) as computed,
      exists (select 1 from attribution_runs where kind = 'full' and status = 'completed' and data_driven is not null) as fitted`);
  return {
    dimension: q.dimension, model: q.model, compare: q.compare ?? null, stage: q.stage, rows: sorted,
    totals: money.filter((m) => m.deals > 0).map((m) => ({ currency: m.currency, amount: m.amount, deals: m.deals })),
    unattributed: money.filter((m) => m.undeals > 0).map((m) => ({ currency: m.currency, amount: m.unamount, deals: m.undeals })),
    flags: Object.fromEntries(flags.map((f) => [f.flag, f.n])),
    computedAt: meta?.computed ? new Date(meta.computed) : null,
    dataDrivenFitted: Boolean(meta?.fitted),
  };
}

/** Names for campaign and team ids; channels, assets, sides and months are their own labels. */
export async function labelsFor(ctx: Ctx, dimension: string, keys: string[]): Promise<Map<string, string>> {
  const ids = keys.filter((k) => /^[0-9a-f-]{36}$/.test(k));
  if (!ids.length || (dimension !== 'campaign' && dimension !== 'team')) return new Map();
  const table = dimension === 'campaign' ? sql`campaigns` : sql`teams`;
  const { rows } = await ctx.db.execute<{ id: string; name: string }>(sql`select id, name from ${table} where id = any(${`{${ids.join(',')}}`}::uuid[])`);
  return new Map(rows.map((r) => [r.id, r.name]));
}
