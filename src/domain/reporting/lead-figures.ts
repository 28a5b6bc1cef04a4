import { sql } from 'drizzle-orm';
import type { Ctx } from '../shared/context.js';
import type { Period } from './period.js';
import type { RepCard } from './report-card.schema.js';
import { median, ratio } from './stats.js';
import { businessMinutesBetween, officeHours, type Calendar } from '../handoff/business-hours.js';

/** Hand-off figures of one owner in a period (rep and SDR cards): what they received, how they answered, how fast. */
export async function leadFigures(ctx: Ctx, userId: string, { from, to }: Period): Promise<RepCard['leads']> {
  const { rows: [h] } = await ctx.db.execute<{ received: number; accepted: number; rejected: number; open_now: number; reasons: Record<string, number> | null }>(sql`
    select
      count(*) filter (where assigned_at >= ${from} and assigned_at < ${to})::int as received,
      count(*) filter (where accepted_at >= ${from} and accepted_at < ${to})::int as accepted,
      count(*) filter (where status = 'rejected' and rejected_at >= ${from} and rejected_at < ${to})::int as rejected,
      count(*) filter (where status = 'open')::int as open_now,
      (select jsonb_object_agg(reject_reason, n) from (select reject_reason, count(*)::int as n from handoffs r
        where r.owner_id = ${userId}::uuid and r.status = 'rejected' and r.rejected_at >= ${from} and r.rejected_at < ${to} group by reject_reason) x) as reasons
    from handoffs where owner_id = ${userId}::uuid`);
  const { rows: [b] } = await ctx.db.execute<{ accept: number; first_touch: number }>(sql`
    select count(*) filter (where kind = 'accept')::int as accept, count(*) filter (where kind = 'first_touch')::int as first_touch
    from sla_breaches where owner_id = ${userId}::uuid and recorded_at >= ${from} and recorded_at < ${to}`);
  // Speed in the owner's business hours, on the calendar each hand-off's SLA clock ran on.
  const { rows: times } = await ctx.db.execute<{ assigned_at: Date; accepted_at: Date | null; first_touch_at: Date | null; timezone: string | null; hours: Calendar['hours'] | null; holidays: string[] | null; owner_tz: string }>(sql`
    select h.assigned_at, case when h.accepted_at >= ${from} and h.accepted_at < ${to} then h.accepted_at end as accepted_at,
      case when h.first_touch_at >= ${from} and h.first_touch_at < ${to} then h.first_touch_at end as first_touch_at,
      c.timezone, c.hours, c.holidays, u.timezone as owner_tz
    from handoffs h join users u on u.id = h.owner_id left join work_calendars c on c.id = h.calendar_id
    where h.owner_id = ${userId}::uuid and ((h.accepted_at >= ${from} and h.accepted_at < ${to}) or (h.first_touch_at >= ${from} and h.first_touch_at < ${to}))`);
  const hoursBetween = (t: (typeof times)[number], end: Date) => {
    const cal: Calendar = t.timezone ? { timezone: t.timezone, hours: t.hours ?? {}, holidays: t.holidays ?? [] } : officeHours(t.owner_tz);
    return businessMinutesBetween(new Date(t.assigned_at), new Date(end), cal) / 60;
  };
  const hta = median(times.filter((t) => t.accepted_at).map((t) => hoursBetween(t, t.accepted_at!)));
  const htf = median(times.filter((t) => t.first_touch_at).map((t) => hoursBetween(t, t.first_touch_at!)));
  const decided = h!.accepted + h!.rejected;
  return {
    received: h!.received, accepted: h!.accepted, rejected: h!.rejected,
    acceptanceRate: { value: ratio(h!.accepted, decided), why: decided ? null : 'no lead was accepted or rejected in the period' },
    rejectionReasons: (h!.reasons ?? {}) as RepCard['leads']['rejectionReasons'],
    hoursToAccept: { value: hta, why: hta === null ? 'no lead was accepted in the period' : null },
    hoursToFirstTouch: { value: htf, why: htf === null ? 'no first touch on a handed-off lead in the period' : null },
    slaBreaches: { accept: b!.accept, firstTouch: b!.first_touch },
    openNow: h!.open_now,
  };
}
