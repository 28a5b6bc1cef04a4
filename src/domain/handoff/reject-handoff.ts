import { eq } from 'drizzle-orm';
import { handoffs } from '../../db/schema/index.js';
import { recordEvents } from '../events/record-events.js';
import { authorize } from '../identity/access/authorize.js';
import { movePersonStage } from '../lifecycle/move-person-stage.js';
import { recordAudit } from '../shared/audit.js';
import type { Ctx } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';
import { findPriorWork } from './find-prior-work.js';
import type { RejectHandoffInput } from './handoff.schema.js';
import { lockOpenHandoff } from './lock-open-handoff.js';

const DAY = 86_400_000;

/**
 * The owner turns the lead down, for a reason from the fixed list and a note: the person goes
 * back to nurture (recycled, with a date to come back) or out (disqualified), and the reason goes
 * back to marketing. "Already working it" must point at an open opportunity or a sales touch from
 * before the MQL; without one it is refused.
 */
export async function rejectHandoff(ctx: Ctx, id: string, input: RejectHandoffInput): Promise<{ id: string; status: 'rejected'; outcome: string }> {
  authorize(ctx, 'handoffs:decide');
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const h = await lockOpenHandoff(tx, ctx, id);
    let evidence: Record<string, unknown> | null = null;
    if (input.reason === 'already_working_it') {
      const wanted = input.evidence ?? {};
      if (!wanted.opportunityId && !wanted.touchpointId) {
        throw new DomainError('evidence_required', 'Point at the open opportunity or the sales touch from before the MQL that shows you were already working it.', [{ path: 'evidence', message: 'required for already_working_it' }]);
      }
      const prior = await findPriorWork(tx, h);
      const opp = wanted.opportunityId ? prior.opportunities.find((o) => o.id === wanted.opportunityId) : undefined;
      const touch = wanted.touchpointId ? prior.salesTouches.find((t) => t.id === wanted.touchpointId) : undefined;
      if (wanted.opportunityId && !opp) throw new DomainError('evidence_required', 'That opportunity was not open on this lead’s account when the person became an MQL.', [{ path: 'evidence.opportunityId', message: 'not prior work on this account' }]);
      if (wanted.touchpointId && !touch) throw new DomainError('evidence_required', 'That touch is not a sales touch on this person or account from before the MQL.', [{ path: 'evidence.touchpointId', message: 'not prior work on this lead' }]);
      evidence = { mqlAt: h.mqlAt.toISOString(), ...(opp ? { opportunity: { ...opp, createdAt: opp.createdAt.toISOString() } } : {}), ...(touch ? { touch: { ...touch, occurredAt: touch.occurredAt.toISOString() } } : {}) };
    }
    const recycleUntil = input.outcome === 'recycled' ? (input.recycleUntil ?? new Date(now.getTime() + 90 * DAY).toISOString().slice(0, 10)) : null;
    const move = await movePersonStage(tx, ctx.actor, now, h.personId, input.outcome, `hand-off rejected: ${input.reason}`);
    await tx.update(handoffs).set({
      status: 'rejected', rejectedAt: now, rejectReason: input.reason, rejectNote: input.note, rejectOutcome: input.outcome,
      recycleUntil, evidence, closedById: ctx.principal.userId, nextStepAt: null,
    }).where(eq(handoffs.id, id));
    await recordEvents(tx, [{ type: 'handoff.rejected', subjectType: 'handoff', subjectId: id, occurredAt: now, data: {
      handoffId: id, personId: h.personId, ownerId: h.ownerId, reason: input.reason, note: input.note, outcome: input.outcome, recycleUntil, stageMoved: move.moved,
    } }]);
    await recordAudit(tx, ctx.actor, now, [{ entity: 'handoff', entityId: id, action: 'reject', before: { status: 'open' }, after: { status: 'rejected', reason: input.reason, outcome: input.outcome } }]);
    return { id, status: 'rejected' as const, outcome: input.outcome };
  });
}
