import { and, eq, ne } from 'drizzle-orm';
import { sessions, users } from '../../db/schema/index.js';
import { recordAudit } from '../shared/audit.js';
import type { Ctx } from '../shared/context.js';
import { DomainError, invalid } from '../shared/errors.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { sha256 } from './tokens.js';

/** The signed-in user changes their own password; their other sessions end. */
export async function changePassword(ctx: Ctx, input: { currentPassword: string; newPassword: string; sessionToken?: string | null }): Promise<void> {
  const userId = ctx.principal.userId;
  if (!userId || ctx.principal.via !== 'session') throw new DomainError('sign_in_required', 'Only a signed-in user can change their password.');
  const [user] = await ctx.db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    ctx.log.warn({ userId }, 'refused: password change with a wrong current password');
    throw invalid('currentPassword', 'the current password is wrong');
  }
  if (input.newPassword === input.currentPassword) throw invalid('newPassword', 'the new password must differ from the current one');
  const now = ctx.clock.now();
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, passwordChangedAt: now, updatedAt: now }).where(eq(users.id, userId));
    const keep = input.sessionToken ? ne(sessions.tokenHash, sha256(input.sessionToken)) : undefined;
    await tx.delete(sessions).where(and(eq(sessions.userId, userId), keep));
    await recordAudit(tx, ctx.actor, now, [{ entity: 'user', entityId: userId, action: 'change_password' }]);
  });
}
