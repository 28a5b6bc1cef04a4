import { sql } from 'drizzle-orm';
import type { Ctx } from '../shared/context.js';
import type { Period } from './period.js';
import type { RepCard } from './report-card.schema.js';
import { ratio } from './stats.js';

/** Hand-off figures of one owner in a period (rep and SDR cards): what they received, how they answered, how fast. */
export async function leadFigures(ctx: Ctx, userId: string, { from, to }: Period): Promise<RepCard['leads']> {
  const { rows: [h] } = await ctx.db.execute<{ received: number; accepted: number; rejected: number; open_now: number; hta: number | null; htf: number | null; reasons: Record<string, number> | null }>(sql`
    select
      count(*) filter (where assigned_at >= ${from} and assigned_at < ${to})::int as received,
      count(*) filter (where accepted_at >= ${from} and accepted_at < ${to})::int as accepted,
      count(*) filter (where status = 'rejected' and rejected_at >= ${from} and rejected_at < ${to})::int as rejected,
      count(*) filter (where status = 'open')::int as open_now,
      percentile_cont(0.5) within group (order by extract(epoch from accepted_at - assigned_at)::float8 / 3600)
        filter (where accepted_at >= ${from} and accepted_at < ${to}) as hta,
      percentile_cont(0.5) within group (order by extract(epoch from first_touch_at - assigned_at)::float8 / 3600)
        filter (where first_touch_at >= ${from} and first_touch_at < ${to}) as htf,
      (select jsonb_object_agg(reject_reason, n) from (select reject_reason, count(*)::int as n from handoffs r
        where r.owner_id = ${userId}::uuid and r.status = 'rejected' and r.rejected_at >= ${from} and r.rejected_at < ${to} group by reject_reason) x) as reasons
    from handoffs where owner_id = ${userId}::uuid`);
  const { rows: [b] } = await ctx.db.execute<{ accept: number; first_touch: number }>(sql`
    select count(*) filter (where kind = 'accept')::int as accept, count(*) filter (where kind = 'first_touch')::int as first_touch
    from sla_breaches where owner_id = ${userId}::uuid and recorded_at >= ${from} and recorded_at < ${to}`);
  const decided = h!.accepted + h!.rejected;
  return {
    received: h!.received, accepted: h!.accepted, rejected: h!.rejected,
    acceptanceRate: { value: ratio(h!.accepted, decided), why: decided ? null : 'no lead was accepted or rejected in the period' },
    rejectionReasons: (h!.reasons ?? {}) as RepCard['leads']['rejectionReasons'],
    hoursToAccept: { value: h!.hta === null ? null : Number(h!.hta), why: h!.hta === null ? 'no lead was accepted in the period' : null },
    hoursToFirstTouch: { value: h!.htf === null ? null : Number(h!.htf), why: h!.htf === null ? 'no first touch on a handed-off lead in the period' : null },
    slaBreaches: { accept: b!.accept, firstTouch: b!.first_touch },
    openNow: h!.open_now,
  };
}
