import { sql, type SQL } from 'drizzle-orm';
import { peopleScope } from '../identity/access/record-scope.js';
import type { Ctx } from '../shared/context.js';
import { FUNNEL_STAGES, type Episode, type FunnelStage } from './waterfall.js';
import type { WaterfallDimension } from './waterfall.schema.js';

export type KeyedEpisode = Episode & { key: string };

/** Account size bands: the segment a person belongs to. */
const SEGMENT = sql`case when a.employee_count is null then '' when a.employee_count < 100 then 'smb'
  when a.employee_count < 1000 then 'mid_market' else 'enterprise' end`;

/** The key of an episode under a dimension, as SQL over `e` (funnel_episodes), `people`, `a` (account), `u` (owner). */
export function dimensionKey(by: WaterfallDimension): SQL {
  switch (by) {
    case 'cohort': return sql`to_char(e.started_at at time zone 'UTC', 'YYYY-MM')`;
    case 'source': return sql`coalesce(people.original_source, '')`;
    case 'channel': return sql`coalesce(people.original_channel, '')`;
    case 'campaign': return sql`coalesce((select t.campaign_id::text from touchpoints t
      where t.person_id = people.id and t.campaign_id is not null order by t.occurred_at, t.id limit 1), '')`;
    case 'segment': return SEGMENT;
    case 'team': return sql`coalesce(u.team_id::text, '')`;
    default: return sql`''`;
  }
}

/**
 * The episodes of the people the caller may see, started in [from, to): the FROM and WHERE every
 * waterfall query shares. People (and their account or owner) are joined only when the dimension
 * needs them, and the record scope is a semi-join, so the admin's cohort waterfall reads the
 * episodes alone.
 */
export function episodesFrom(ctx: Ctx, range: { from: Date; to: Date }, by: WaterfallDimension = 'campaign'): SQL {
  const scope = peopleScope(ctx.principal);
  const joins = by === 'none' || by === 'cohort' ? sql``
    : sql`join people on people.id = e.person_id
    ${by === 'segment' ? sql`left join accounts a on a.id = people.account_id` : sql``}
    ${by === 'team' ? sql`left join users u on u.id = people.owner_id` : sql``}`;
  return sql`funnel_episodes e ${joins}
    where e.started_at >= ${range.from} and e.started_at < ${range.to}
      ${scope ? sql`and e.person_id in (select people.id from people where ${scope})` : sql``}`;
}

export const stageColumn = (s: FunnelStage) => sql.raw(`e.${s}_at`);

/**
 * The episodes (waterfall.ts) behind a drill-down, read from `funnel_episodes` (kept by a trigger
 * from the lifecycle history), with their key under `by`; `key` narrows to one group.
 */
export async function loadEpisodes(ctx: Ctx, range: { from: Date; to: Date }, by: WaterfallDimension, key?: string): Promise<KeyedEpisode[]> {
  const k = dimensionKey(by);
  const { rows } = await ctx.db.execute<Record<string, string | number | null>>(sql`
    select e.person_id::text as id, e.episode, extract(epoch from e.started_at)::float8 * 1000 as start, ${k} as k,
      ${sql.join(FUNNEL_STAGES.map((s) => sql`extract(epoch from ${stageColumn(s)})::float8 * 1000 as ${sql.identifier(s)}`), sql`, `)}
    from ${episodesFrom(ctx, range, by)} ${key === undefined ? sql`` : sql`and ${k} = ${key}`}`);
  return rows.map((r) => {
    const entered: Episode['entered'] = {};
    for (const s of FUNNEL_STAGES) if (r[s] !== null) entered[s] = Number(r[s]);
    return { personId: String(r.id), index: Number(r.episode), start: Number(r.start), entered, key: String(r.k) };
  });
}
