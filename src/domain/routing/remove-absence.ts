import { and, eq } from 'drizzle-orm';
import { userAbsences } from '../../db/schema/index.js';
import { authorize } from '../identity/access/authorize.js';
import { recordAudit } from '../shared/audit.js';
import type { Ctx } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';

/** Cancels an out-of-office period. */
export async function removeAbsence(ctx: Ctx, userId: string, absenceId: string): Promise<void> {
  if (ctx.principal.userId !== userId) authorize(ctx, 'routing:write');
  const [gone] = await ctx.db.delete(userAbsences).where(and(eq(userAbsences.id, absenceId), eq(userAbsences.userId, userId))).returning();
  if (!gone) throw new DomainError('not_found', `No absence ${absenceId}.`);
  await recordAudit(ctx.db, ctx.actor, ctx.clock.now(), [{ entity: 'user_absence', entityId: absenceId, action: 'delete', before: gone }]);
}
