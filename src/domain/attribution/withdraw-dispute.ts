import { eq, sql } from 'drizzle-orm';
import { attributionDisputes } from '../../db/schema/attribution.js';
import { assertVisible } from '../identity/access/assert-visible.js';
import { authorize } from '../identity/access/authorize.js';
import { recordAudit } from '../shared/audit.js';
import type { Ctx } from '../shared/context.js';
import { DomainError, forbidden, notFound } from '../shared/errors.js';
import type { Dispute } from './attribution.schema.js';
import { queryDisputes } from './list-disputes.js';

/** Who opened a dispute (or an admin) withdraws it while it is open; the source does not change. */
export async function withdrawDispute(ctx: Ctx, disputeId: string): Promise<Dispute> {
  authorize(ctx, 'disputes:open');
  const [d] = await ctx.db.select().from(attributionDisputes).where(eq(attributionDisputes.id, disputeId));
  if (!d) throw notFound('dispute', disputeId);
  await assertVisible(ctx, 'opportunity', d.opportunityId);
  if (ctx.principal.role !== 'admin' && d.openedBy !== ctx.principal.userId) throw forbidden('Only who opened a dispute may withdraw it.');
  await ctx.db.transaction(async (tx) => {
    const { rows: [locked] } = await tx.execute<{ status: string }>(sql`select status from attribution_disputes where id = ${disputeId}::uuid for update`);
    if (locked?.status !== 'open') throw new DomainError('conflict', `This dispute was already ${locked?.status}; only an open one can be withdrawn.`);
    await tx.update(attributionDisputes).set({ status: 'withdrawn' }).where(eq(attributionDisputes.id, disputeId));
    await recordAudit(tx, ctx.actor, ctx.clock.now(), [{ entity: 'attribution_dispute', entityId: disputeId, action: 'withdraw', before: { status: 'open' }, after: { status: 'withdrawn' } }]);
  });
  return (await queryDisputes(ctx, sql`d.id = ${disputeId}::uuid`))[0]!;
}
