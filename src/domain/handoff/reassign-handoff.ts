import { eq, sql } from 'drizzle-orm';
import { handoffs } from '../../db/schema/index.js';
import { recordEvents } from '../events/record-events.js';
import { authorize } from '../identity/access/authorize.js';
import { recordAudit } from '../shared/audit.js';
import type { Ctx } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';
import { assignHandoffs, type Assignment } from './assign-handoffs.js';

/**
 * Takes an open lead from its owner and routes it again, skipping everyone who had it before:
 * the old hand-off is closed as `reassigned` and the new one names it (the history stays).
 * Sales managers do it by hand; the SLA sweep does it after the second deadline.
 */
export async function reassignHandoff(ctx: Ctx, id: string, why: string): Promise<Assignment | null> {
  authorize(ctx, 'routing:write');
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [h] = await tx.select().from(handoffs).where(eq(handoffs.id, id)).for('update');
    if (!h) throw new DomainError('not_found', `No hand-off ${id}.`);
    if (h.status !== 'open') throw new DomainError('handoff_closed', `This hand-off is ${h.status}.`, [{ path: 'status', message: h.status }]);
    const { rows: before } = await tx.execute<{ owner_id: string }>(sql`select distinct owner_id from handoffs where person_id = ${h.personId}::uuid and status = 'reassigned'`);
    await tx.update(handoffs).set({ status: 'reassigned', closedAt: now, closedById: ctx.principal.userId, nextStepAt: null }).where(eq(handoffs.id, id));
    const exclude = new Set([h.ownerId, ...before.map((b) => b.owner_id)]);
    const [made] = await assignHandoffs({ ...ctx, db: tx }, [h.personId], { exclude: new Map([[h.personId, exclude]]), previous: new Map([[h.personId, id]]), note: `re-routed (${why})` });
    await recordEvents(tx, [{ type: 'handoff.reassigned', subjectType: 'handoff', subjectId: id, occurredAt: now, data: {
      handoffId: id, personId: h.personId, fromOwnerId: h.ownerId, toOwnerId: made?.ownerId ?? null, newHandoffId: made?.handoffId ?? null, why,
    } }]);
    await recordAudit(tx, ctx.actor, now, [{ entity: 'handoff', entityId: id, action: 'reassign', before: { ownerId: h.ownerId }, after: { ownerId: made?.ownerId ?? null, why } }]);
    return made ?? null;
  });
}
