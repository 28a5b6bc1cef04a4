import { sql, type SQL } from 'drizzle-orm';
import { authorize } from '../identity/access/authorize.js';
import { can } from '../identity/access/permissions.js';
import { opportunitiesScope, peopleScope, touchpointsScope } from '../identity/access/record-scope.js';
import type { Ctx } from '../shared/context.js';
import { quarterOf } from './quarter.js';
import type { Scoreboard, ScoreboardQuery } from './scoreboard.schema.js';

type MoneyRow = { currency: string; count: number; amount: number };
const scoped = (predicate: SQL | undefined) => predicate ?? sql`true`;

/**
 * The figures every role can agree on, from the records the caller may see: open pipeline by
 * stage, deals created, won and lost in the period, win rate, people entering each lifecycle
 * stage, and touches by side. Amounts stay per currency (no exchange rates are assumed).
 */
export async function getScoreboard(ctx: Ctx, query: ScoreboardQuery): Promise<Scoreboard> {
  authorize(ctx, 'reports:read');
  const period = query.from && query.to
    ? { from: new Date(`${query.from}T00:00:00Z`), to: new Date(`${query.to}T00:00:00Z`), label: `${query.from} – ${query.to}` }
    : quarterOf(ctx.clock.now());
  const { from, to } = period;
  const role = ctx.principal.role;
  const deals = can(role, 'opportunities:read');
  const dealScope = scoped(opportunitiesScope(ctx.principal));
  const money = async (where: SQL): Promise<MoneyRow[]> => (await ctx.db.execute<MoneyRow>(sql`
    select currency, count(*)::int as count, coalesce(sum(amount), 0)::float8 as amount
    from opportunities where ${dealScope} and ${where} group by currency order by sum(amount) desc`)).rows;

  const [openPipeline, created, won, lost] = deals ? [
    (await ctx.db.execute<MoneyRow & { stage: Scoreboard['openPipeline'][number]['stage'] }>(sql`
      select stage, currency, count(*)::int as count, coalesce(sum(amount), 0)::float8 as amount
      from opportunities where ${dealScope} and is_won is null group by stage, currency order by stage, currency`)).rows,
    await money(sql`created_at >= ${from} and created_at < ${to}`),
    await money(sql`is_won and closed_at >= ${from} and closed_at < ${to}`),
    await money(sql`not is_won and closed_at >= ${from} and closed_at < ${to}`),
  ] : [[], [], [], []];
  const wonCount = won.reduce((n, r) => n + r.count, 0);
  const closedCount = wonCount + lost.reduce((n, r) => n + r.count, 0);

  const funnel = can(role, 'people:read') ? (await ctx.db.execute<{ stage: Scoreboard['openPipeline'][number]['stage'] & string; entered: number }>(sql`
      select st.to_stage as stage, count(*)::int as entered
      from stage_transitions st join people on people.id = st.person_id
      where ${scoped(peopleScope(ctx.principal))} and st.occurred_at >= ${from} and st.occurred_at < ${to}
      group by st.to_stage`)).rows : null;
  const touches = can(role, 'touchpoints:read') ? (await ctx.db.execute<{ side: 'marketing' | 'sales' | 'partner'; count: number }>(sql`
      select side, count(*)::int as count from touchpoints
      where ${scoped(touchpointsScope(ctx.principal))} and occurred_at >= ${from} and occurred_at < ${to}
        and not retracted and not exists (select 1 from touchpoints c where c.corrects_id = touchpoints.id)
      group by side order by side`)).rows : null;

  return {
    period: { from: from.toISOString(), to: to.toISOString(), label: period.label },
    openPipeline, created, won, lost,
    winRate: closedCount ? wonCount / closedCount : null,
    funnel: funnel as Scoreboard['funnel'],
    touches,
  };
}
