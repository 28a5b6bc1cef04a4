import { sql } from 'drizzle-orm';
import type { OpportunityStage } from '../../db/schema/vocabulary.js';
import { authorize } from '../identity/access/authorize.js';
import { can } from '../identity/access/permissions.js';
import { accountsScope, opportunitiesScope, peopleScope } from '../identity/access/record-scope.js';
import type { Ctx } from '../shared/context.js';
import { COMMIT_STAGES, forecastAccuracy, quarterLabel, quarterRange, STAGE_PROBABILITY } from './forecast.js';
import type { GoalBoard, RevenueGoal } from './goal.schema.js';

type Money = { currency: string; amount: number; count: number };
const DAY = 86_400_000;
const fig = (value: number | null, why: string) => ({ value, why: value === null ? why : null });
const add = (rows: Money[], currency: string, amount: number, count: number) => {
  const r = rows.find((x) => x.currency === currency);
  if (r) { r.amount += amount; r.count += count; } else rows.push({ currency, amount, count });
};

/** This quarter's forecast from the deals the caller may see: won, weighted, commit, best case, per currency. */
export async function quarterForecast(ctx: Ctx, quarter: string) {
  const { from, to } = quarterRange(quarter);
  const scope = opportunitiesScope(ctx.principal) ?? sql`true`;
  const { rows } = await ctx.db.execute<{ currency: string; stage: OpportunityStage; won: boolean; n: number; amount: number }>(sql`
    select currency, stage, coalesce(is_won, false) as won, count(*)::int as n, coalesce(sum(amount), 0)::float8 as amount from opportunities
    where ${scope} and ((is_won and closed_at >= ${from} and closed_at < ${to})
      or (is_won is null and close_date >= ${from.toISOString().slice(0, 10)}::date and close_date < ${to.toISOString().slice(0, 10)}::date))
    group by currency, stage, coalesce(is_won, false)`);
  const won: Money[] = [], weighted: Money[] = [], commit: Money[] = [], bestCase: Money[] = [];
  for (const r of rows) {
    if (r.won) { for (const list of [won, weighted, commit, bestCase]) add(list, r.currency, r.amount, r.n); continue; }
    add(weighted, r.currency, r.amount * STAGE_PROBABILITY[r.stage], r.n);
    if (COMMIT_STAGES.includes(r.stage)) add(commit, r.currency, r.amount, r.n);
    add(bestCase, r.currency, r.amount, r.n);
  }
  return { won, weighted, commit, bestCase };
}

async function currentGoal(ctx: Ctx, today: string): Promise<RevenueGoal | null> {
  const { rows: [g] } = await ctx.db.execute<RevenueGoal>(sql`
    select id::text, starts_on::text as "startsOn", ends_on::text as "endsOn", amount::float8 as amount, currency, note,
      sales_committed_at as "salesCommittedAt", marketing_committed_at as "marketingCommittedAt"
    from revenue_goals where starts_on <= ${today}::date and ends_on >= ${today}::date order by starts_on desc, currency limit 1`);
  if (!g) return null;
  return { ...g, salesCommittedAt: g.salesCommittedAt ? new Date(g.salesCommittedAt).toISOString() : null, marketingCommittedAt: g.marketingCommittedAt ? new Date(g.marketingCommittedAt).toISOString() : null };
}

/**
 * One goal, two horizons: the shared revenue goal with its progress (won, and the open pipeline
 * expected to close before it ends), this quarter's forecast beside past quarters' accuracy, and
 * the next four quarters (pipeline by expected close, the nurture pool by grade, whitespace).
 */
export async function getGoalBoard(ctx: Ctx): Promise<GoalBoard> {
  authorize(ctx, 'reports:read');
  const now = ctx.clock.now();
  const today = now.toISOString().slice(0, 10);
  const deals = can(ctx.principal.role, 'opportunities:read');
  const dealScope = deals ? opportunitiesScope(ctx.principal) ?? sql`true` : sql`false`;
  const goal = await currentGoal(ctx, today);

  let progress: GoalBoard['progress'] = {
    won: fig(null, 'no goal set for today'), share: fig(null, 'no goal set for today'), remaining: fig(null, 'no goal set for today'),
    coveringPipeline: fig(null, 'no goal set for today'), coverage: fig(null, 'no goal set for today'),
  };
  if (goal) {
    const end = new Date(Date.parse(`${goal.endsOn}T00:00:00Z`) + DAY);
    const { rows: [p] } = await ctx.db.execute<{ won: number; open: number }>(sql`
      select coalesce(sum(amount) filter (where is_won and closed_at >= ${goal.startsOn}::date and closed_at < ${end}), 0)::float8 as won,
        coalesce(sum(amount) filter (where is_won is null and close_date <= ${goal.endsOn}::date), 0)::float8 as open
      from opportunities where ${dealScope} and currency = ${goal.currency}`);
    const remaining = Math.max(0, goal.amount - p!.won);
    progress = {
      won: { value: p!.won, why: null },
      share: fig(goal.amount > 0 ? p!.won / goal.amount : null, 'the goal is zero'),
      remaining: { value: remaining, why: null },
      coveringPipeline: { value: p!.open, why: null },
      coverage: fig(remaining > 0 ? p!.open / remaining : null, goal.amount > 0 ? 'the goal is already reached' : 'the goal is zero'),
    };
  }

  const quarter = quarterLabel(now);
  const forecast = await quarterForecast(ctx, quarter);
  const { rows: snaps } = await ctx.db.execute<{ quarter: string; currency: string; weighted: number }>(sql`
    select distinct on (quarter, currency) quarter, currency, weighted::float8 as weighted from forecast_snapshots
    where quarter < ${quarter} order by quarter, currency, taken_on`);
  const accuracy: GoalBoard['thisQuarter']['accuracy'] = [];
  for (const s of snaps.slice(-8)) {
    const won = (await quarterForecast(ctx, s.quarter)).won.find((w) => w.currency === s.currency)?.amount ?? 0;
    accuracy.push({ quarter: s.quarter, currency: s.currency, forecast: s.weighted, won, accuracy: fig(forecastAccuracy(s.weighted, won), 'nothing was won that quarter') });
  }

  const next = [1, 2, 3, 4].map((n) => quarterLabel(now, n));
  const nextFrom = quarterRange(next[0]!).from.toISOString().slice(0, 10), nextTo = quarterRange(next[3]!).to.toISOString().slice(0, 10);
  const { rows: byQuarter } = await ctx.db.execute<{ quarter: string | null; currency: string; count: number; amount: number }>(sql`
    select case when close_date is null then null else extract(year from close_date)::int || '-Q' || extract(quarter from close_date)::int end as quarter,
      currency, count(*)::int as count, coalesce(sum(amount), 0)::float8 as amount
    from opportunities where ${dealScope} and is_won is null and (close_date is null or (close_date >= ${nextFrom}::date and close_date < ${nextTo}::date))
    group by 1, 2 order by 1, 2`);
  const { rows: nurture } = can(ctx.principal.role, 'people:read') ? await ctx.db.execute<{ grade: string; people: number }>(sql`
    select coalesce(s.grade, 'unscored') as grade, count(*)::int as people from people left join person_scores s on s.person_id = people.id
    where ${peopleScope(ctx.principal) ?? sql`true`} and people.lifecycle_stage in ('subscriber', 'lead', 'recycled')
    group by 1 order by 1`) : { rows: [] };
  const since = new Date(now.getTime() - 90 * DAY);
  const { rows: white } = await ctx.db.execute<{ id: string; name: string; customer: boolean; people: number; touches: number; total: number; customers: number; sites: number }>(sql`
    with w as (
      select accounts.id, accounts.name,
        exists (select 1 from opportunities o where o.account_id = accounts.id and o.is_won) as customer,
        (select count(*) from people p where p.account_id = accounts.id)::int as people
      from accounts where ${accountsScope(ctx.principal) ?? sql`true`}
        and exists (select 1 from people p where p.account_id = accounts.id)
        and not exists (select 1 from opportunities o where o.account_id = accounts.id and o.is_won is null))
    select w.*, (select count(*) from touchpoints t where t.account_id = w.id and t.occurred_at >= ${since})::int as touches,
      (select count(*) from w)::int as total, (select count(*) from w where customer)::int as customers,
      (select count(*) from sites s where s.account_id in (select id from w))::int as sites
    from w order by touches desc, people desc, name limit 10`);
  return {
    goal, progress,
    thisQuarter: {
      quarter, ...forecast, accuracy,
      accuracyWhy: accuracy.length ? null : 'no forecast was recorded in a past quarter yet (the weekly digest records one every week)',
    },
    nextFour: {
      pipelineByQuarter: next.map((q) => ({ quarter: q, rows: byQuarter.filter((r) => r.quarter === q).map(({ currency, count, amount }) => ({ currency, count, amount })) })),
      pipelineWithoutCloseDate: byQuarter.filter((r) => r.quarter === null).map(({ currency, count, amount }) => ({ currency, count, amount })),
      nurtureByGrade: nurture,
      whitespace: {
        accounts: white[0]?.total ?? 0, customers: white[0]?.customers ?? 0, sites: white[0]?.sites ?? 0,
        top: white.map((w) => ({ id: w.id, name: w.name, customer: w.customer, people: w.people, touches90d: w.touches })),
        note: 'Product lines are not recorded yet, so whitespace is counted by account: accounts with known people and no open deal (customers among them are room to expand), busiest first (touches in the last 90 days).',
      },
    },
  };
}

/** Records this quarter's forecast (once a day per currency), so its accuracy can be judged when the quarter is over. */
export async function snapshotForecast(ctx: Ctx): Promise<number> {
  const now = ctx.clock.now();
  const quarter = quarterLabel(now);
  const f = await quarterForecast(ctx, quarter);
  const currencies = [...new Set([...f.weighted, ...f.won].map((r) => r.currency))];
  const amount = (rows: Money[], c: string) => rows.find((r) => r.currency === c)?.amount ?? 0;
  for (const c of currencies) {
    await ctx.db.execute(sql`insert into forecast_snapshots (quarter, taken_on, currency, won, weighted, commit, best_case)
      values (${quarter}, ${now.toISOString().slice(0, 10)}::date, ${c}, ${amount(f.won, c)}, ${amount(f.weighted, c)}, ${amount(f.commit, c)}, ${amount(f.bestCase, c)})
      on conflict do nothing`);
  }
  return currencies.length;
}
