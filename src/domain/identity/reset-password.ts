import { eq } from 'drizzle-orm';
import { sessions, users } from '../../db/schema/index.js';
import { recordAudit } from '../shared/audit.js';
import type { Ctx } from '../shared/context.js';
import { notFound } from '../shared/errors.js';
import { authorize } from './access/authorize.js';
import { hashPassword } from './passwords.js';
import { randomToken } from './tokens.js';

/**
 * An admin sets a new password for a user (given, or generated and returned once), which also
 * unlocks the user and ends all their sessions.
 */
export async function resetPassword(ctx: Ctx, userId: string, password?: string): Promise<{ password: string }> {
  authorize(ctx, 'users:manage');
  const next = password ?? randomToken(12);
  const now = ctx.clock.now();
  const passwordHash = await hashPassword(next);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.update(users).set({ passwordHash, passwordChangedAt: now, failedSignIns: 0, lockedUntil: null, updatedAt: now })
      .where(eq(users.id, userId)).returning({ id: users.id });
    if (!row) throw notFound('user', userId);
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    await recordAudit(tx, ctx.actor, now, [{ entity: 'user', entityId: userId, action: 'reset_password' }]);
  });
  return { password: next };
}
