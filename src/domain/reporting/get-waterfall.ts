import { sql } from 'drizzle-orm';
import { authorize } from '../identity/access/authorize.js';
import type { Ctx } from '../shared/context.js';
import { dimensionKey, episodesFrom, stageColumn } from './load-episodes.js';
import { median, percentile } from './stats.js';
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
 * The figures of waterfall.ts (`funnelFigures`), counted by the database over `funnel_episodes`
 * so a dashboard never reads the whole history: per group and pass, entered (a time in the
 * stage's column) and passed (first rank ≤ stage ≤ last rank) per stage, and each step's durations
 * in seconds as one text value (no sort in the database); medians and p90 are taken here, so the
 * totals are the groups' counts summed and their durations pooled.
 */
function aggregates() {
  const cols = FUNNEL_STAGES.flatMap((s, r) => [
    sql`count(${stageColumn(s)})::int as ${sql.identifier(`e${r}`)}`,
    sql`count(*) filter (where e.first_rank <= ${r} and e.last_rank >= ${r})::int as ${sql.identifier(`p${r}`)}`,
  ]);
  const steps = FUNNEL_STAGES.slice(0, -1).map((s, r) => {
    const a = stageColumn(s), b = stageColumn(FUNNEL_STAGES[r + 1]!);
    return sql`string_agg(extract(epoch from (${b} - ${a}))::bigint::text, ',') filter (where ${b} >= ${a}) as ${sql.identifier(`d${r}`)}`;
  });
  return sql.join([...cols, ...steps], sql`, `);
}

type Partial = { episodes: number; people: number; entered: number[]; passed: number[]; days: number[][] };

function partial(row: Row): Partial {
  return {
    episodes: Number(row.episodes), people: Number(row.people),
    entered: FUNNEL_STAGES.map((_, r) => Number(row[`e${r}`])),
    passed: FUNNEL_STAGES.map((_, r) => Number(row[`p${r}`])),
    days: FUNNEL_STAGES.slice(0, -1).map((_, r) => (row[`d${r}`] ? String(row[`d${r}`]).split(',').map((x) => Number(x) / 86_400) : [])),
  };
}

function merge(parts: Partial[], people: number): Partial {
  return {
    episodes: parts.reduce((n, p) => n + p.episodes, 0), people,
    entered: FUNNEL_STAGES.map((_, r) => parts.reduce((n, p) => n + p.entered[r]!, 0)),
    passed: FUNNEL_STAGES.map((_, r) => parts.reduce((n, p) => n + p.passed[r]!, 0)),
    days: FUNNEL_STAGES.slice(0, -1).map((_, r) => parts.flatMap((p) => p.days[r]!)),
  };
}

function figures(p: Partial | undefined): FunnelFigures {
  const z = p ?? { episodes: 0, people: 0, entered: FUNNEL_STAGES.map(() => 0), passed: FUNNEL_STAGES.map(() => 0), days: [] };
  return {
    episodes: z.episodes, people: z.people,
    stages: FUNNEL_STAGES.map((stage, r) => {
      const passed = z.passed[r]!, next = z.passed[r + 1];
      const days = z.days[r] ?? [];
      return {
        stage, entered: z.entered[r]!, passed, skipped: passed - z.entered[r]!,
        conversion: next === undefined || !passed ? null : next / passed,
        velocity: { n: days.length, medianDays: median(days), p90Days: percentile(days, 90) },
      };
    }),
  };
}

/**
 * The demand waterfall (waterfall.ts) of the people the caller may see: episodes that started
 * in the period, in total and split by one dimension, first passes and re-entries apart.
 */
export async function getWaterfall(ctx: Ctx, query: WaterfallQuery): Promise<Waterfall> {
  authorize(ctx, 'reports:read');
  authorize(ctx, 'people:read');
  const range = waterfallRange(ctx.clock.now(), query);
  // A person has one first pass, so first-pass people = episodes; re-entry people are counted apart.
  const { rows } = await ctx.db.execute<Row>(sql`
    select k, re, count(*)::int as episodes,
      case when re then count(distinct person_id) filter (where re) else count(*) end::int as people, ${aggregates()}
    from (select ${dimensionKey(query.by)} as k, e.episode > 0 as re, e.* from ${episodesFrom(ctx, range, query.by)}) e
    group by k, re`);
  const { rows: [who] } = await ctx.db.execute<{ n: number }>(sql`
    select count(distinct e.person_id)::int as n from ${episodesFrom(ctx, range, query.by)} and e.episode > 0`);
  const parts = rows.map((r) => ({ k: String(r.k), re: r.re === true, p: partial(r) }));
  const keys = query.by === 'none' ? [] : [...new Set(parts.map((x) => x.k))].sort();
  const names = await labels(ctx, query.by, keys);
  const firstPasses = parts.filter((x) => !x.re).map((x) => x.p);
  const total = {
    firstPass: figures(merge(firstPasses, firstPasses.reduce((n, p) => n + p.episodes, 0))),
    reentries: figures(merge(parts.filter((x) => x.re).map((x) => x.p), who!.n)),
  };
  const find = (k: string, re: boolean) => parts.find((x) => x.k === k && x.re === re)?.p;
  return {
    period: { from: range.from.toISOString(), to: range.to.toISOString() },
    by: query.by,
    total,
    groups: keys.map((key) => ({ key, label: names.get(key) ?? key, firstPass: figures(find(key, false)), reentries: figures(find(key, true)) })),
  };
}
