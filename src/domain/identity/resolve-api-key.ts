import { eq } from 'drizzle-orm';
import { apiKeys, users } from '../../db/schema/index.js';
import type { Actor, Ctx, Principal } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';
import { buildPrincipal } from './build-principal.js';
import { sameSecret, sha256 } from './tokens.js';

const KEY_PATTERN = /^truce_([a-z0-9]{8})_[A-Za-z0-9_-]{43}$/;
const LAST_USED_EVERY_MS = 60_000;

/** The principal and actor of an `Authorization: Bearer truce_…` key; 401 `invalid_api_key` otherwise. */
export async function resolveApiKey(ctx: Ctx, token: string): Promise<{ principal: Principal; actor: Actor }> {
  const match = KEY_PATTERN.exec(token);
  const refuse = (reason: string) => {
    ctx.log.warn({ reason, prefix: match?.[1] }, 'refused: API key');
    return new DomainError('invalid_api_key');
  };
  if (!match) throw refuse('malformed');
  const [row] = await ctx.db.select({ key: apiKeys, user: { id: users.id, teamId: users.teamId, active: users.active } })
    .from(apiKeys).innerJoin(users, eq(users.id, apiKeys.userId)).where(eq(apiKeys.prefix, match[1]!));
  if (!row || !sameSecret(row.key.secretHash, sha256(token))) throw refuse('unknown');
  if (row.key.revokedAt) throw refuse('revoked');
  if (!row.user.active) throw refuse('user disabled');
  const now = ctx.clock.now();
  if (!row.key.lastUsedAt || now.getTime() - row.key.lastUsedAt.getTime() >= LAST_USED_EVERY_MS) {
    await ctx.db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, row.key.id));
  }
  const principal = await buildPrincipal(ctx.db, { id: row.user.id, role: row.key.role, teamId: row.user.teamId }, row.key.role, 'api_key');
  return { principal, actor: { type: 'api_key', id: row.key.id, label: row.key.name } };
}
