import { sql } from 'drizzle-orm';
import type { Ctx } from '../shared/context.js';
import { cardPerson } from './card-access.js';
import { leadFigures } from './lead-figures.js';
import { cardPeriod } from './period.js';
import type { CardQuery, Figure, MoneyRow, Quota, RepCard } from './report-card.schema.js';
import { ratio } from './stats.js';

const DAY = 86_400_000;
const fig = (value: number | null, why: string): Figure => ({ value, why: value === null ? why : null });

type DealRow = {
  currency: string; created_n: number; created_amt: number; open_n: number; open_amt: number;
  won_n: number; won_amt: number; lost_n: number; lost_amt: number; quota_won: number;
};

/** The quota whose dates hold `day` (YYYY-MM-DD), if any. */
export async function quotaOn(ctx: Ctx, userId: string, day: string): Promise<Quota | null> {
  const { rows: [q] } = await ctx.db.execute<Quota>(sql`
    select id::text, user_id::text as "userId", starts_on::text as "startsOn", ends_on::text as "endsOn", amount::float8 as amount, currency
    from quotas where user_id = ${userId}::uuid and starts_on <= ${day}::date and ends_on >= ${day}::date order by starts_on desc limit 1`);
  return q ?? null;
}

/**
 * A seller's report card for a period (default this week): quota and attainment (quota to date),
 * pipeline created, coverage, win rate, deal size, cycle, the leads handed to them and how they
 * answered, SLA breaches, activities. Amounts stay per currency; attainment and coverage are in
 * the quota's currency and say what they left out. Nothing divides by zero: a missing figure says why.
 */
export async function getRepCard(ctx: Ctx, userId: string, query: CardQuery): Promise<RepCard> {
  const person = await cardPerson(ctx, userId);
  const period = cardPeriod(ctx.clock.now(), query);
  const quota = await quotaOn(ctx, userId, period.from.toISOString().slice(0, 10));
  const qFrom = quota ? new Date(`${quota.startsOn}T00:00:00Z`) : period.from;
  const qTo = quota ? new Date(Math.min(period.to.getTime(), Date.parse(`${quota.endsOn}T00:00:00Z`) + DAY)) : period.to;
  const { from, to } = period;
  const { rows: deals } = await ctx.db.execute<DealRow>(sql`
    select currency,
      count(*) filter (where created_at >= ${from} and created_at < ${to})::int as created_n,
      coalesce(sum(amount) filter (where created_at >= ${from} and created_at < ${to}), 0)::float8 as created_amt,
      count(*) filter (where is_won is null)::int as open_n,
      coalesce(sum(amount) filter (where is_won is null), 0)::float8 as open_amt,
      count(*) filter (where is_won and closed_at >= ${from} and closed_at < ${to})::int as won_n,
      coalesce(sum(amount) filter (where is_won and closed_at >= ${from} and closed_at < ${to}), 0)::float8 as won_amt,
      count(*) filter (where not is_won and closed_at >= ${from} and closed_at < ${to})::int as lost_n,
      coalesce(sum(amount) filter (where not is_won and closed_at >= ${from} and closed_at < ${to}), 0)::float8 as lost_amt,
      coalesce(sum(amount) filter (where is_won and closed_at >= ${qFrom} and closed_at < ${qTo}), 0)::float8 as quota_won
    from opportunities where owner_id = ${userId}::uuid group by currency order by currency`);
  const { rows: [cycle] } = await ctx.db.execute<{ days: number | null }>(sql`
    select percentile_cont(0.5) within group (order by extract(epoch from closed_at - created_at)::float8 / 86400) as days
    from opportunities where owner_id = ${userId}::uuid and is_won and closed_at >= ${from} and closed_at < ${to}`);
  const { rows: [acts] } = await ctx.db.execute<{ n: number }>(sql`
    select count(*)::int as n from touchpoints where side = 'sales' and occurred_at >= ${from} and occurred_at < ${to}
      and coalesce(properties->>'loggedBy', properties->>'by') = ${userId}`);

  const money = (n: keyof DealRow, a: keyof DealRow): MoneyRow[] =>
    deals.filter((d) => Number(d[n]) > 0).map((d) => ({ currency: d.currency, count: Number(d[n]), amount: Number(d[a]) }));
  const notes: string[] = [];
  if (!person.active) notes.push(`${person.name} is no longer active; the card shows the records they still own.`);
  let wonInQuota: Figure = fig(null, 'no quota set for this period');
  let attainment: Figure = fig(null, 'no quota set for this period');
  let coverage: Figure = fig(null, 'no quota set for this period');
  if (quota) {
    const inCurrency = deals.find((d) => d.currency === quota.currency);
    const won = inCurrency?.quota_won ?? 0;
    wonInQuota = { value: won, why: null };
    attainment = quota.amount > 0 ? { value: won / quota.amount, why: null } : fig(null, 'the quota is zero');
    const remaining = quota.amount - won;
    const open = inCurrency?.open_amt ?? 0;
    coverage = remaining > 0 ? { value: open / remaining, why: null } : fig(null, quota.amount > 0 ? 'the quota is already met' : 'the quota is zero');
    const others = deals.filter((d) => d.currency !== quota.currency && (d.open_n || d.quota_won));
    if (others.length) notes.push(`Deals in ${others.map((d) => d.currency).join(', ')} are left out of attainment and coverage: the quota is in ${quota.currency} and no exchange rates are assumed.`);
  }
  const wonN = deals.reduce((n, d) => n + d.won_n, 0), lostN = deals.reduce((n, d) => n + d.lost_n, 0);
  return {
    kind: 'rep',
    period: { from: from.toISOString(), to: to.toISOString(), label: period.label },
    person, quota,
    wonInQuotaPeriod: wonInQuota, attainment, coverage,
    pipelineCreated: money('created_n', 'created_amt'), openPipeline: money('open_n', 'open_amt'),
    won: money('won_n', 'won_amt'), lost: money('lost_n', 'lost_amt'),
    winRate: fig(ratio(wonN, wonN + lostN), 'no deal was won or lost in the period'),
    averageDealSize: deals.filter((d) => d.won_n > 0).map((d) => ({ currency: d.currency, amount: d.won_amt / d.won_n })),
    cycleDays: fig(cycle?.days === null || cycle?.days === undefined ? null : Number(cycle.days), 'no deal was won in the period'),
    leads: await leadFigures(ctx, userId, period),
    activitiesLogged: acts!.n,
    feedbackItems: fig(null, 'feedback from prospects is not recorded in Truce yet (the feedback module has not landed)'),
    notes,
  };
}
