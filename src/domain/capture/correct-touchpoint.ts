import { eq } from 'drizzle-orm';
import { z } from '../shared/zod.js';
import { touchpoints } from '../../db/schema/index.js';
import { CHANNELS, SIDES, TOUCH_KINDS } from '../../db/schema/vocabulary.js';
import { recordAudit } from '../shared/audit.js';
import { actorLabel, type Ctx } from '../shared/context.js';
import { DomainError, notFound } from '../shared/errors.js';
import { authorize } from '../identity/access/authorize.js';

export const CorrectTouchpointInput = z.strictObject({
  reason: z.string().trim().min(3).max(500).describe('Why the touch is corrected; kept as evidence.'),
  retract: z.boolean().optional().describe('True when the touch should not have been recorded at all.'),
  occurredAt: z.iso.datetime({ offset: true }).optional(),
  kind: z.enum(TOUCH_KINDS).optional(),
  channel: z.enum(CHANNELS).optional(),
  side: z.enum(SIDES).optional(),
  campaignId: z.uuid().nullable().optional(),
  asset: z.string().trim().max(500).nullable().optional(),
});
export type CorrectTouchpointInput = z.infer<typeof CorrectTouchpointInput>;

/**
 * Touches are never edited: a correction is a new row naming the row it replaces. Only the
 * latest version of a touch can be corrected, so the chain stays linear. `corrects_id` has no
 * foreign key: the touch corrected is read here, in the transaction, and touches are never
 * deleted; it is locked, so a concurrent correction of the same touch waits and then finds this one.
 */
export async function correctTouchpoint(ctx: Ctx, id: number, input: CorrectTouchpointInput) {
  authorize(ctx, 'touchpoints:write');
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [original] = await tx.select().from(touchpoints).where(eq(touchpoints.id, id)).for('update');
    if (!original) throw notFound('touchpoint', String(id));
    const [successor] = await tx.select({ id: touchpoints.id }).from(touchpoints).where(eq(touchpoints.correctsId, id));
    if (successor) {
      throw new DomainError('conflict', `Touch ${id} was already corrected by touch ${successor.id}; correct that one instead.`);
    }
    const { reason, retract, ...changes } = input;
    const [row] = await tx.insert(touchpoints).values({
      externalId: `${original.externalId}#c${now.getTime()}`,
      occurredAt: changes.occurredAt ? new Date(changes.occurredAt) : original.occurredAt,
      personId: original.personId,
      accountId: original.accountId,
      channel: changes.channel ?? original.channel,
      kind: changes.kind ?? original.kind,
      side: changes.side ?? original.side,
      campaignId: changes.campaignId !== undefined ? changes.campaignId : original.campaignId,
      asset: changes.asset !== undefined ? changes.asset : original.asset,
      properties: { ...original.properties, correctionReason: reason },
      correctsId: original.id,
      retracted: retract ?? false,
      recordedBy: actorLabel(ctx.actor),
    }).returning();
    await recordAudit(tx, ctx.actor, now, [{ entity: 'touchpoint', entityId: String(id), action: retract ? 'retract' : 'correct', before: original, after: row }]);
    return row!;
  });
}
