import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { handoffs, type HandoffRow } from '../../db/schema/index.js';
import type { Ctx } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';

/**
 * The open hand-off to decide, locked for the decision: unknown → 404, already decided → 409,
 * someone else's → 403 (only the owner answers for a lead; a manager re-routes it instead).
 */
export async function lockOpenHandoff(tx: Database, ctx: Ctx, id: string): Promise<HandoffRow> {
  const [h] = await tx.select().from(handoffs).where(eq(handoffs.id, id)).for('update');
  if (!h) throw new DomainError('not_found', `No hand-off ${id}.`);
  if (h.status !== 'open') throw new DomainError('handoff_closed', `This hand-off is ${h.status}.`, [{ path: 'status', message: h.status }]);
  if (ctx.principal.via !== 'system' && h.ownerId !== ctx.principal.userId) {
    throw new DomainError('handoff_not_yours', 'This lead is owned by someone else; only its owner can accept or reject it.', [{ path: 'ownerId', message: h.ownerId }]);
  }
  return h;
}
