import { sql } from 'drizzle-orm';
import { authorize } from '../identity/access/authorize.js';
import type { Ctx } from '../shared/context.js';
import { invalid, recordForbidden } from '../shared/errors.js';
import type { Quota } from './report-card.schema.js';
import type { SetQuotaInput } from './quota.schema.js';

/**
 * Sets a seller's quota for a period (one per person and start day: setting it again replaces
 * it). Managers set their team's, admins anyone's; the seller must be an SDR, rep or manager.
 */
export async function setQuota(ctx: Ctx, input: SetQuotaInput): Promise<Quota> {
  authorize(ctx, 'quotas:write');
  const p = ctx.principal;
  if (p.role === 'sales_manager' && p.userId !== input.userId && !p.teamUserIds.includes(input.userId)) throw recordForbidden('user', input.userId);
  const { rows: [u] } = await ctx.db.execute<{ role: string }>(sql`select role from users where id = ${input.userId}::uuid`);
  if (!u) throw invalid('userId', 'no such user');
  if (!['sdr', 'sales_rep', 'sales_manager'].includes(u.role)) throw invalid('userId', `a ${u.role} has no quota: only SDRs, reps and managers do`);
  const { rows: overlap } = await ctx.db.execute<{ starts_on: string }>(sql`
    select starts_on::text from quotas where user_id = ${input.userId}::uuid and starts_on <> ${input.startsOn}::date
      and starts_on <= ${input.endsOn}::date and ends_on >= ${input.startsOn}::date limit 1`);
  if (overlap.length) throw invalid('startsOn', `overlaps the quota starting ${overlap[0]!.starts_on}`);
  const { rows: [q] } = await ctx.db.execute<Quota>(sql`
    insert into quotas (user_id, starts_on, ends_on, amount, currency, set_by, updated_at)
    values (${input.userId}::uuid, ${input.startsOn}::date, ${input.endsOn}::date, ${input.amount}, ${input.currency}, ${p.userId}::uuid, ${ctx.clock.now()})
    on conflict (user_id, starts_on) do update set ends_on = excluded.ends_on, amount = excluded.amount, currency = excluded.currency,
      set_by = excluded.set_by, updated_at = excluded.updated_at
    returning id::text, user_id::text as "userId", starts_on::text as "startsOn", ends_on::text as "endsOn", amount::float8 as amount, currency`);
  return q!;
}
