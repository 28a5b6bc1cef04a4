import { sql } from 'drizzle-orm';
import { authorize } from '../identity/access/authorize.js';
import { isScoped } from '../identity/access/permissions.js';
import type { Ctx } from '../shared/context.js';
import { quarterOf } from './quarter.js';
import type { TeamMemberRow } from './scoreboard.schema.js';

/**
 * A manager's team at a glance, one row per seller: open deals, won this quarter, leads waiting
 * to be accepted, leads accepted. Managers see their team; admins and execs every seller.
 */
export async function getTeamOverview(ctx: Ctx): Promise<TeamMemberRow[]> {
  authorize(ctx, 'team:read');
  const p = ctx.principal;
  const members = isScoped(p.role)
    ? sql`u.id in (${sql.join(p.teamUserIds.map((id) => sql`${id}::uuid`), sql`, `)})`
    : sql`u.role in ('sdr', 'sales_rep', 'sales_manager')`;
  const { from, to } = quarterOf(ctx.clock.now());
  const { rows } = await ctx.db.execute<TeamMemberRow>(sql`
    select u.id as "userId", u.name, u.role,
      coalesce(d.open_deals, 0)::int as "openDeals", coalesce(d.open_amount, 0)::float8 as "openAmount",
      coalesce(d.won_amount, 0)::float8 as "wonAmount",
      coalesce(pp.waiting, 0)::int as "leadsWaiting", coalesce(pp.accepted, 0)::int as "accepted"
    from users u
    left join lateral (
      select count(*) filter (where o.is_won is null) as open_deals,
             sum(o.amount) filter (where o.is_won is null) as open_amount,
             sum(o.amount) filter (where o.is_won and o.closed_at >= ${from} and o.closed_at < ${to}) as won_amount
      from opportunities o where o.owner_id = u.id) d on true
    left join lateral (
      select count(*) filter (where pe.lifecycle_stage = 'mql') as waiting,
             count(*) filter (where pe.lifecycle_stage = 'sal') as accepted
      from people pe where pe.owner_id = u.id) pp on true
    where u.active and ${members}
    order by coalesce(d.open_amount, 0) desc, u.name`);
  return rows;
}
