import { and, eq, isNotNull } from 'drizzle-orm';
import { users } from '../../db/schema/index.js';
import { recordAudit } from '../shared/audit.js';
import type { Ctx } from '../shared/context.js';
import { hashPassword } from './passwords.js';
import { randomToken } from './tokens.js';

/**
 * First start: when no active admin can sign in, create (or repair) the admin `email` with the
 * given password, or a generated one returned for printing once. Returns null when nothing was done.
 */
export async function ensureAdmin(ctx: Ctx, email: string, password?: string): Promise<{ email: string; password: string | null } | null> {
  const [existing] = await ctx.db.select({ id: users.id }).from(users)
    .where(and(eq(users.role, 'admin'), eq(users.active, true), isNotNull(users.passwordHash))).limit(1);
  if (existing) return null;
  const chosen = password ?? randomToken(12);
  const passwordHash = await hashPassword(chosen);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(users).values({ email, name: 'Administrator', role: 'admin', passwordHash, passwordChangedAt: now, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({ target: users.email, set: { role: 'admin', active: true, passwordHash, passwordChangedAt: now, failedSignIns: 0, lockedUntil: null, updatedAt: now } })
      .returning({ id: users.id });
    await recordAudit(tx, ctx.actor, now, [{ entity: 'user', entityId: row!.id, action: 'ensure_admin', after: { email, role: 'admin' } }]);
  });
  return { email, password: password ? null : chosen };
}
