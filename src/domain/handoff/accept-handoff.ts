import { eq, sql } from 'drizzle-orm';
import { handoffs } from '../../db/schema/index.js';
import { recordEvents } from '../events/record-events.js';
import { authorize } from '../identity/access/authorize.js';
import { movePersonStage } from '../lifecycle/move-person-stage.js';
import { recordAudit } from '../shared/audit.js';
import type { Ctx } from '../shared/context.js';
import { businessMinutesBetween } from './business-hours.js';
import { calendarOf } from './calendar-of.js';
import { lockOpenHandoff } from './lock-open-handoff.js';
import { nextStepAt } from './sla-clock.js';

/**
 * The owner accepts the lead: it becomes an SAL (sales accepted), the time to accept is kept in
 * business hours, and a late acceptance settles the breach with how late it was.
 */
export async function acceptHandoff(ctx: Ctx, id: string): Promise<{ id: string; status: 'accepted'; timeToAcceptMinutes: number }> {
  authorize(ctx, 'handoffs:decide');
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const h = await lockOpenHandoff(tx, ctx, id);
    const cal = await calendarOf(tx, h);
    const move = await movePersonStage(tx, ctx.actor, now, h.personId, 'sal', 'hand-off accepted');
    const next = nextStepAt({ ...h, status: 'accepted' }, now);
    await tx.update(handoffs).set({ status: 'accepted', acceptedAt: now, closedById: ctx.principal.userId, nextStepAt: next }).where(eq(handoffs.id, id));
    if (now > h.acceptDueAt) {
      const late = businessMinutesBetween(h.acceptDueAt, now, cal);
      await tx.execute(sql`insert into sla_breaches (handoff_id, kind, owner_id, team_id, due_at, recorded_at, late_minutes, resolved_at)
        values (${id}::uuid, 'accept', ${h.ownerId}::uuid, ${h.teamId}::uuid, ${h.acceptDueAt}::timestamptz, ${now}::timestamptz, ${late}, ${now}::timestamptz)
        on conflict (handoff_id, kind) do update set late_minutes = excluded.late_minutes, resolved_at = excluded.resolved_at`);
    }
    const timeToAcceptMinutes = businessMinutesBetween(h.assignedAt, now, cal);
    await recordEvents(tx, [{ type: 'handoff.accepted', subjectType: 'handoff', subjectId: id, occurredAt: now, data: { handoffId: id, personId: h.personId, ownerId: h.ownerId, timeToAcceptMinutes, late: now > h.acceptDueAt, stageMoved: move.moved } }]);
    await recordAudit(tx, ctx.actor, now, [{ entity: 'handoff', entityId: id, action: 'accept', before: { status: 'open' }, after: { status: 'accepted', timeToAcceptMinutes } }]);
    return { id, status: 'accepted' as const, timeToAcceptMinutes };
  });
}
