import { sql } from 'drizzle-orm';
import { authorize } from '../identity/access/authorize.js';
import type { Ctx } from '../shared/context.js';
import { dimensionKey, episodesFrom, stageColumn } from './load-episodes.js';
import { FUNNEL_STAGES, type FunnelFigures } from './waterfall.js';
import type { Waterfall, WaterfallDimension, WaterfallQuery } from './waterfall.schema.js';

const DAY = 86_400_000;

/** The cohorts asked for; default: from the 1st of the month 12 months ago to tomorrow (UTC). */
export function waterfallRange(now: Date, q: { from?: string | undefined; to?: string | undefined }): { from: Date; to: Date } {
  const from = q.from ? new Date(`${q.from}T00:00:00Z`) : new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1));
  const to = q.to ? new Date(`${q.to}T00:00:00Z`) : new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + DAY);
  return { from, to };
}

const SEGMENT_LABELS: Record<string, string> = { smb: 'SMB (< 100 employees)', mid_market: 'Mid-market (100–999)', enterprise: 'Enterprise (1,000+)' };

/** Names for the keys of a dimension: campaigns and teams by name, the rest as they are. */
async function labels(ctx: Ctx, by: WaterfallDimension, keys: string[]): Promise<Map<string, string>> {
  const ids = keys.filter((k) => /^[0-9a-f-]{36}$/.test(k));
  const names = new Map<string, string>();
  if ((by === 'campaign' || by === 'team') && ids.length) {
    const table = by === 'campaign' ? sql`campaigns` : sql`teams`;
    const { rows } = await ctx.db.execute<{ id: string; name: string }>(sql`select id::text, name from ${table} where id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`);
    for (const r of rows) names.set(r.id, r.name);
  }
  return new Map(keys.map((k) => [k, k === '' ? 'Unknown' : names.get(k) ?? SEGMENT_LABELS[k] ?? k]));
}

type Row = Record<string, number | string | boolean | null>;

/**
 * The figures of waterfall.ts (`funnelFigures`), computed by the database over `funnel_episodes`
 * so a dashboard never reads the whole history: per stage, entered (a time in its column) and
 * passed (first rank ≤ stage ≤ last rank); per step, velocity over the episodes that entered
 * both stages (percentile_cont interpolates as `stats.percentile` does).
 */
function aggregates() {
  const cols = FUNNEL_STAGES.flatMap((s, r) => [
    sql`count(${stageColumn(s)})::int as ${sql.identifier(`e${r}`)}`,
    sql`count(*) filter (where e.first_rank <= ${r} and e.last_rank >= ${r})::int as ${sql.identifier(`p${r}`)}`,
  ]);
  const steps = FUNNEL_STAGES.slice(0, -1).flatMap((s, r) => {
    const a = stageColumn(s), b = stageColumn(FUNNEL_STAGES[r + 1]!);
    const days = sql`extract(epoch from (${b} - ${a}))::float8 / 86400`;
    return [
      sql`count(*) filter (where ${b} >= ${a})::int as ${sql.identifier(`vn${r}`)}`,
      sql`percentile_cont(0.5) within group (order by ${days}) filter (where ${b} >= ${a}) as ${sql.identifier(`vm${r}`)}`,
      sql`percentile_cont(0.9) within group (order by ${days}) filter (where ${b} >= ${a}) as ${sql.identifier(`v9${r}`)}`,
    ];
  });
  return sql.join([...cols, ...steps], sql`, `);
}

function figures(row: Row | undefined): FunnelFigures {
  const n = (k: string) => (row?.[k] === null || row?.[k] === undefined ? null : Number(row[k]));
  const stages = FUNNEL_STAGES.map((stage, r) => {
    const passed = n(`p${r}`) ?? 0, entered = n(`e${r}`) ?? 0;
    const next = r + 1 < FUNNEL_STAGES.length ? n(`p${r + 1}`) ?? 0 : null;
    return {
      stage, entered, passed, skipped: passed - entered,
      conversion: next === null || !passed ? null : next / passed,
      velocity: { n: n(`vn${r}`) ?? 0, medianDays: n(`vm${r}`), p90Days: n(`v9${r}`) },
    };
  });
  return { episodes: n('episodes') ?? 0, people: n('people') ?? 0, stages };
}

/**
 * The demand waterfall (waterfall.ts) of the people the caller may see: episodes that started
 * in the period, in total and split by one dimension, first passes and re-entries apart.
 */
export async function getWaterfall(ctx: Ctx, query: WaterfallQuery): Promise<Waterfall> {
  authorize(ctx, 'reports:read');
  authorize(ctx, 'people:read');
  const range = waterfallRange(ctx.clock.now(), query);
  const { rows } = await ctx.db.execute<Row>(sql`
    select k, re, grouping(k) = 1 as total, count(*)::int as episodes, count(distinct person_id)::int as people, ${aggregates()}
    from (select ${dimensionKey(query.by)} as k, e.episode > 0 as re, e.* from ${episodesFrom(ctx, range, query.by)}) e
    group by grouping sets ((k, re), (re))`);
  const find = (total: boolean, re: boolean, k?: string) => rows.find((r) => r.total === total && r.re === re && (k === undefined || r.k === k));
  const keys = query.by === 'none' ? [] : [...new Set(rows.filter((r) => !r.total).map((r) => String(r.k)))].sort();
  const names = await labels(ctx, query.by, keys);
  return {
    period: { from: range.from.toISOString(), to: range.to.toISOString() },
    by: query.by,
    total: { firstPass: figures(find(true, false)), reentries: figures(find(true, true)) },
    groups: keys.map((key) => ({ key, label: names.get(key) ?? key, firstPass: figures(find(false, false, key)), reentries: figures(find(false, true, key)) })),
  };
}
