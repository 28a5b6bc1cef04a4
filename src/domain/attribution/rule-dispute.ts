import { eq, sql } from 'drizzle-orm';
import { attributionDisputes, attributionJourneys } from '../../db/schema/attribution.js';
import { assertVisible } from '../identity/access/assert-visible.js';
import { authorize } from '../identity/access/authorize.js';
import { recordAudit } from '../shared/audit.js';
import type { Ctx } from '../shared/context.js';
import { DomainError, notFound } from '../shared/errors.js';
import type { Dispute, RuleDisputeInput } from './attribution.schema.js';
import { queryDisputes } from './list-disputes.js';

/**
 * A sales manager or an exec rules on an open dispute, with a reason; the ruling, its reason and
 * its author are recorded and the deal's source follows it at once in every sourced figure
 * (upheld: the claimed source; rejected: the source stays). A dispute is ruled once (409).
 */
export async function ruleDispute(ctx: Ctx, disputeId: string, input: RuleDisputeInput): Promise<Dispute> {
  authorize(ctx, 'disputes:rule');
  const [d] = await ctx.db.select().from(attributionDisputes).where(eq(attributionDisputes.id, disputeId));
  if (!d) throw notFound('dispute', disputeId);
  await assertVisible(ctx, 'opportunity', d.opportunityId);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const { rows: [locked] } = await tx.execute<{ status: string }>(sql`select status from attribution_disputes where id = ${disputeId}::uuid for update`);
    if (locked?.status !== 'open') throw new DomainError('conflict', `This dispute was already ${locked?.status}; it is ruled once.`);
    const ruledSource = input.decision === 'upheld' ? d.claimedSource : d.currentSource;
    await tx.update(attributionDisputes).set({ status: input.decision, ruledBy: ctx.principal.userId, ruledSource, ruling: input.reason, ruledAt: now })
      .where(eq(attributionDisputes.id, disputeId));
    if (ruledSource) await tx.update(attributionJourneys).set({ source: ruledSource }).where(eq(attributionJourneys.opportunityId, d.opportunityId));
    await recordAudit(tx, ctx.actor, now, [{ entity: 'attribution_dispute', entityId: disputeId, action: 'rule', before: { status: 'open' }, after: { ...input, ruledSource } }]);
  });
  return (await queryDisputes(ctx, sql`d.id = ${disputeId}::uuid`))[0]!;
}
