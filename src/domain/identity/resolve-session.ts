import { and, eq, gt } from 'drizzle-orm';
import { sessions, users } from '../../db/schema/index.js';
import type { Ctx, Principal } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';
import { buildPrincipal } from './build-principal.js';
import { publicUserColumns } from './public-user.js';
import { SESSION_TOUCH_MS, sessionExpiry } from './sign-in-rules.js';
import { sha256 } from './tokens.js';
import type { User } from './user.schema.js';

export type ActiveSession = { principal: Principal; user: User; csrfToken: string; expiresAt: Date };

/**
 * The session behind a cookie token, extended on use (12 h idle, 7 days at most). Unknown,
 * expired, signed-out or disabled → 401 `session_expired`.
 */
export async function resolveSession(ctx: Ctx, token: string): Promise<ActiveSession> {
  const now = ctx.clock.now();
  const tokenHash = sha256(token);
  const [row] = await ctx.db.select({ user: publicUserColumns, session: sessions }).from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)));
  if (!row || !row.user.active) {
    ctx.log.warn({ reason: row ? 'user disabled' : 'unknown or expired' }, 'refused: session');
    throw new DomainError('session_expired');
  }
  let expiresAt = row.session.expiresAt;
  if (now.getTime() - row.session.lastSeenAt.getTime() >= SESSION_TOUCH_MS) {
    expiresAt = sessionExpiry(row.session.createdAt, now);
    await ctx.db.update(sessions).set({ lastSeenAt: now, expiresAt }).where(eq(sessions.tokenHash, tokenHash));
  }
  const principal = await buildPrincipal(ctx.db, row.user, row.user.role, 'session');
  return { principal, user: row.user, csrfToken: row.session.csrfToken, expiresAt };
}
