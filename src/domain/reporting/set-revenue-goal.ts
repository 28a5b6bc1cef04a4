import { sql } from 'drizzle-orm';
import { authorize } from '../identity/access/authorize.js';
import type { Ctx } from '../shared/context.js';
import { DomainError, invalid, notFound } from '../shared/errors.js';
import type { RevenueGoal, SetGoalInput } from './goal.schema.js';

const RETURNING = sql`returning id::text, starts_on::text as "startsOn", ends_on::text as "endsOn", amount::float8 as amount, currency, note,
  sales_committed_at as "salesCommittedAt", marketing_committed_at as "marketingCommittedAt"`;
const iso = (g: RevenueGoal): RevenueGoal => ({
  ...g,
  salesCommittedAt: g.salesCommittedAt ? new Date(g.salesCommittedAt).toISOString() : null,
  marketingCommittedAt: g.marketingCommittedAt ? new Date(g.marketingCommittedAt).toISOString() : null,
});

/** Sets the shared revenue goal for a period (same start and currency: replaced, and both sides must commit again). */
export async function setRevenueGoal(ctx: Ctx, input: SetGoalInput): Promise<RevenueGoal> {
  authorize(ctx, 'goals:write');
  const { rows: overlap } = await ctx.db.execute<{ starts_on: string }>(sql`
    select starts_on::text from revenue_goals where currency = ${input.currency} and starts_on <> ${input.startsOn}::date
      and starts_on <= ${input.endsOn}::date and ends_on >= ${input.startsOn}::date limit 1`);
  if (overlap.length) throw invalid('startsOn', `overlaps the goal starting ${overlap[0]!.starts_on}`);
  const { rows: [g] } = await ctx.db.execute<RevenueGoal>(sql`
    insert into revenue_goals (starts_on, ends_on, amount, currency, note, set_by, updated_at)
    values (${input.startsOn}::date, ${input.endsOn}::date, ${input.amount}, ${input.currency}, ${input.note ?? null}, ${ctx.principal.userId}::uuid, ${ctx.clock.now()})
    on conflict (starts_on, currency) do update set ends_on = excluded.ends_on, amount = excluded.amount, note = excluded.note,
      set_by = excluded.set_by, updated_at = excluded.updated_at,
      sales_committed_at = null, sales_committed_by = null, marketing_committed_at = null, marketing_committed_by = null
    ${RETURNING}`);
  return iso(g!);
}

/** One side commits to the goal: marketing for marketing, sellers for sales (an admin names the side). */
export async function commitRevenueGoal(ctx: Ctx, id: string, side?: 'sales' | 'marketing'): Promise<RevenueGoal> {
  authorize(ctx, 'goals:write');
  const role = ctx.principal.role;
  const mine = role === 'marketing' ? 'marketing' : role === 'admin' ? side : 'sales';
  if (!mine) throw invalid('side', 'say which side you commit for: sales or marketing');
  if (role !== 'admin' && side && side !== mine) throw new DomainError('forbidden', `A ${role} commits for ${mine}, not ${side}.`);
  const at = mine === 'sales' ? sql`sales_committed_at = ${ctx.clock.now()}, sales_committed_by = ${ctx.principal.userId}::uuid`
    : sql`marketing_committed_at = ${ctx.clock.now()}, marketing_committed_by = ${ctx.principal.userId}::uuid`;
  const { rows: [g] } = await ctx.db.execute<RevenueGoal>(sql`update revenue_goals set ${at} where id = ${id}::uuid ${RETURNING}`);
  if (!g) throw notFound('goal', id);
  return iso(g);
}
