import { sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../shared/context.js';
import { authorize } from '../identity/access/authorize.js';
import { cardPerson, type CardPerson } from './card-access.js';
import { cardPeriod } from './period.js';
import type { CardQuery, Figure, MarketingCard } from './report-card.schema.js';

type Money = { currency: string; amount: number };
const fig = (value: number | null, why: string): Figure => ({ value, why: value === null ? why : null });

/** The campaign a person's MQL is credited to: that of the last marketing touch with a campaign at or before it (as the rejection report). */
const campaignOf = (person: SQL, at: SQL) => sql`(select t.campaign_id from touchpoints t where t.person_id = ${person}
  and t.side = 'marketing' and t.campaign_id is not null and t.occurred_at <= ${at} order by t.occurred_at desc, t.id desc limit 1)`;
const ownedBy = (owner: string | null, campaign: SQL) => (owner ? sql`(select c.owner_id from campaigns c where c.id = ${campaign}) = ${owner}::uuid` : sql`true`);
const touchOwnedBy = (owner: string, touchId: SQL) =>
  sql`exists (select 1 from touchpoints t join campaigns c on c.id = t.campaign_id where t.id = ${touchId} and c.owner_id = ${owner}::uuid)`;

/** money / count when there is one currency and a count; else null and why. */
function costPer(cost: Money[], count: number, what: string): Figure {
  if (!cost.length) return fig(null, 'no campaign cost recorded for the period');
  if (cost.length > 1) return fig(null, `campaign costs are in several currencies (${cost.map((c) => c.currency).join(', ')})`);
  if (!count) return fig(null, `no ${what} in the period`);
  return { value: cost[0]!.amount / count, why: null };
}

/**
 * The marketing scorecard for a period (default this week), for one program owner (the owner of
 * the campaigns) or, without one, the whole team: MQLs and what sales made of them, rejection
 * reasons, pipeline and revenue sourced and influenced (from attribution, read-only), cost per
 * MQL, SQL and opportunity, and each campaign's ROI. A program owner's MQLs are those whose last
 * marketing touch before the MQL was on one of their campaigns; their sourced deals those whose
 * first touch was, their influenced deals those with a milestone touch (first, lead creation,
 * opportunity creation) on one.
 */
export async function getMarketingCard(ctx: Ctx, ownerId: string | null, query: CardQuery): Promise<MarketingCard> {
  authorize(ctx, 'cards:read');
  const owner: CardPerson | null = ownerId ? await cardPerson(ctx, ownerId) : null;
  const period = cardPeriod(ctx.clock.now(), query);
  const { from, to } = period;
  const { rows: [m] } = await ctx.db.execute<{ mqls: number; sals: number; sqls: number; sqls_in: number }>(sql`
    select count(*) filter (where e.mql_at >= ${from} and e.mql_at < ${to})::int as mqls,
      count(*) filter (where e.mql_at >= ${from} and e.mql_at < ${to} and e.sal_at is not null)::int as sals,
      count(*) filter (where e.mql_at >= ${from} and e.mql_at < ${to} and e.sql_at is not null)::int as sqls,
      count(*) filter (where e.sql_at >= ${from} and e.sql_at < ${to})::int as sqls_in
    from funnel_episodes e
    where ((e.mql_at >= ${from} and e.mql_at < ${to}) or (e.sql_at >= ${from} and e.sql_at < ${to}))
      and ${ownedBy(ownerId, campaignOf(sql`e.person_id`, sql`coalesce(e.mql_at, e.sql_at)`))}`);
  const { rows: reasons } = await ctx.db.execute<{ reason: string; n: number }>(sql`
    select h.reject_reason as reason, count(*)::int as n from handoffs h
    where h.status = 'rejected' and h.rejected_at >= ${from} and h.rejected_at < ${to}
      and ${ownedBy(ownerId, campaignOf(sql`h.person_id`, sql`h.mql_at`))}
    group by h.reject_reason order by h.reject_reason`);
  const sourced = ownerId ? sql`j.source = 'marketing' and ${touchOwnedBy(ownerId, sql`j.first_touch_id`)}` : sql`j.source = 'marketing'`;
  const influenced = ownerId
    ? sql`j.influenced and (${touchOwnedBy(ownerId, sql`j.first_touch_id`)} or ${touchOwnedBy(ownerId, sql`j.lead_creation_touch_id`)} or ${touchOwnedBy(ownerId, sql`j.opportunity_creation_touch_id`)})`
    : sql`j.influenced`;
  const { rows: credit } = await ctx.db.execute<{ currency: string; ps: number; pi: number; rs: number; ri: number; n: number }>(sql`
    select j.currency,
      coalesce(sum(j.pipeline_amount) filter (where j.created_at >= ${from} and j.created_at < ${to} and ${sourced}), 0)::float8 as ps,
      coalesce(sum(j.pipeline_amount) filter (where j.created_at >= ${from} and j.created_at < ${to} and ${influenced}), 0)::float8 as pi,
      coalesce(sum(j.amount) filter (where j.won_at >= ${from} and j.won_at < ${to} and ${sourced}), 0)::float8 as rs,
      coalesce(sum(j.amount) filter (where j.won_at >= ${from} and j.won_at < ${to} and ${influenced}), 0)::float8 as ri,
      count(*) filter (where j.created_at >= ${from} and j.created_at < ${to} and ${sourced})::int as n
    from attribution_journeys j
    where (j.created_at >= ${from} and j.created_at < ${to}) or (j.won_at >= ${from} and j.won_at < ${to})
    group by j.currency order by j.currency`);
  const mine = ownerId ? sql`c.owner_id = ${ownerId}::uuid` : sql`true`;
  const { rows: campaigns } = await ctx.db.execute<{ id: string; name: string; currency: string; actual_cost: number | null; in_period: number | null; dated: boolean; revenue: number }>(sql`
    select c.id::text, c.name, c.currency, c.actual_cost::float8 as actual_cost, c.starts_on is not null and c.ends_on is not null as dated,
      case when c.actual_cost is null or c.starts_on is null or c.ends_on is null then null
        else c.actual_cost::float8 * greatest(0, least(c.ends_on + 1, ${to.toISOString().slice(0, 10)}::date) - greatest(c.starts_on, ${from.toISOString().slice(0, 10)}::date))
          / (c.ends_on - c.starts_on + 1) end as in_period,
      coalesce((select sum(r.credit) from attribution_rollups r where r.model = 'w_shaped' and r.stage = 'revenue' and r.dimension = 'campaign'
        and r.key = c.id::text and r.currency = c.currency), 0)::float8 as revenue
    from campaigns c where ${mine} order by c.starts_on desc nulls last, c.name`);
  const cost = new Map<string, number>();
  for (const c of campaigns) if (c.in_period) cost.set(c.currency, (cost.get(c.currency) ?? 0) + c.in_period);
  const costs = [...cost.entries()].map(([currency, amount]) => ({ currency, amount }));
  const money = (k: 'ps' | 'pi' | 'rs' | 'ri'): Money[] => credit.filter((r) => r[k] > 0).map((r) => ({ currency: r.currency, amount: r[k] }));
  const opportunities = credit.reduce((n, r) => n + r.n, 0);
  const notes: string[] = [];
  const undated = campaigns.filter((c) => c.actual_cost !== null && !c.dated).length;
  if (undated) notes.push(`${undated} campaign(s) with a cost but no start or end date are left out of the period's cost.`);
  if (owner && !owner.active) notes.push(`${owner.name} is no longer active.`);
  return {
    kind: 'marketing',
    period: { from: from.toISOString(), to: to.toISOString(), label: period.label },
    owner,
    mqls: m!.mqls, sals: m!.sals, sqls: m!.sqls, sqlsInPeriod: m!.sqls_in,
    mqlToSal: fig(m!.mqls ? m!.sals / m!.mqls : null, 'no MQL in the period'),
    mqlToSql: fig(m!.mqls ? m!.sqls / m!.mqls : null, 'no MQL in the period'),
    rejectionReasons: Object.fromEntries(reasons.map((r) => [r.reason, r.n])) as MarketingCard['rejectionReasons'],
    pipelineSourced: money('ps'), pipelineInfluenced: money('pi'), revenueSourced: money('rs'), revenueInfluenced: money('ri'),
    opportunitiesSourced: opportunities,
    cost: costs,
    costPerMql: costPer(costs, m!.mqls, 'MQL'),
    costPerSql: costPer(costs, m!.sqls_in, 'SQL'),
    costPerOpportunity: costPer(costs, opportunities, 'marketing-sourced opportunity'),
    campaigns: campaigns.map((c) => ({
      id: c.id, name: c.name, currency: c.currency, cost: c.actual_cost, revenue: c.revenue,
      roi: c.actual_cost ? { value: c.revenue / c.actual_cost, why: null } : fig(null, c.actual_cost === 0 ? 'the campaign cost nothing' : 'no actual cost recorded'),
    })),
    notes,
  };
}
