import { eq } from 'drizzle-orm';
import { sessions, users } from '../../db/schema/index.js';
import { recordAudit } from '../shared/audit.js';
import type { Ctx } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';
import { decoyHash, verifyPassword } from './passwords.js';
import { publicUserColumns } from './public-user.js';
import { afterFailedSignIn, isLocked, sessionExpiry } from './sign-in-rules.js';
import { randomToken, sha256 } from './tokens.js';
import type { User } from './user.schema.js';

export type SignInInput = { email: string; password: string; ip?: string | null; userAgent?: string | null };
export type NewSession = { token: string; csrfToken: string; expiresAt: Date; user: User };

/**
 * Checks the password (argon2id), applies the lock-out rule, and opens a server-side session.
 * A wrong e-mail and a wrong password get the same answer and cost the same time.
 */
export async function signIn(ctx: Ctx, input: SignInInput): Promise<NewSession> {
  const now = ctx.clock.now();
  const email = input.email.trim().toLowerCase();
  const [user] = await ctx.db.select({ ...publicUserColumns, passwordHash: users.passwordHash }).from(users).where(eq(users.email, email));
  const refuse = (code: 'invalid_credentials' | 'account_locked' | 'account_disabled', detail?: string) => {
    ctx.log.warn({ email, code, ip: input.ip }, 'sign-in refused');
    return new DomainError(code, detail);
  };
  if (!user || !user.passwordHash) {
    await verifyPassword(await decoyHash(), input.password);
    throw refuse('invalid_credentials');
  }
  if (isLocked(user.lockedUntil, now)) throw refuse('account_locked', `Too many failed sign-ins; try again after ${user.lockedUntil!.toISOString()} or ask an admin to reset the password.`);
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    const next = afterFailedSignIn(user.failedSignIns, now);
    await ctx.db.update(users).set(next).where(eq(users.id, user.id));
    if (next.lockedUntil) {
      await recordAudit(ctx.db, { type: 'system', id: null, label: 'sign-in' }, now, [{ entity: 'user', entityId: user.id, action: 'lock', after: { lockedUntil: next.lockedUntil } }]);
      throw refuse('account_locked', `Too many failed sign-ins; the account is locked until ${next.lockedUntil.toISOString()}.`);
    }
    throw refuse('invalid_credentials');
  }
  if (!user.active) throw refuse('account_disabled');

  const token = randomToken();
  const csrfToken = randomToken(24);
  const expiresAt = sessionExpiry(now, now);
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ failedSignIns: 0, lockedUntil: null, lastSignInAt: now }).where(eq(users.id, user.id));
    await tx.insert(sessions).values({
      tokenHash: sha256(token), userId: user.id, csrfToken, createdAt: now, lastSeenAt: now, expiresAt,
      ip: input.ip ?? null, userAgent: input.userAgent?.slice(0, 300) ?? null,
    });
  });
  const { passwordHash: _hash, ...publicUser } = user;
  return { token, csrfToken, expiresAt, user: { ...publicUser, failedSignIns: 0, lockedUntil: null, lastSignInAt: now } };
}
