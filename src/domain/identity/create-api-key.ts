import { eq } from 'drizzle-orm';
import { apiKeys, users } from '../../db/schema/index.js';
import { recordAudit } from '../shared/audit.js';
import type { Ctx } from '../shared/context.js';
import { invalid } from '../shared/errors.js';
import { authorize } from './access/authorize.js';
import type { ApiKey, CreateApiKeyInput } from './api-key.schema.js';
import { randomToken, sha256 } from './tokens.js';

/** Admins create keys; the token `truce_<prefix>_<secret>` is returned once and stored as SHA-256. */
export async function createApiKey(ctx: Ctx, input: CreateApiKeyInput): Promise<ApiKey & { token: string }> {
  authorize(ctx, 'api_keys:manage');
  const userId = input.userId ?? ctx.principal.userId;
  if (!userId) throw invalid('userId', 'name the user the key acts for');
  const [user] = await ctx.db.select({ id: users.id, name: users.name, active: users.active }).from(users).where(eq(users.id, userId));
  if (!user) throw invalid('userId', `no user with id ${userId}`);
  if (!user.active) throw invalid('userId', 'the user is disabled');
  const prefix = randomToken(6).replace(/[-_]/g, 'x').toLowerCase();
  const token = `truce_${prefix}_${randomToken(32)}`;
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(apiKeys).values({
      name: input.name, prefix, secretHash: sha256(token), role: input.role, userId, createdById: ctx.principal.userId, createdAt: now,
    }).returning();
    const { secretHash: _hash, ...key } = row!;
    await recordAudit(tx, ctx.actor, now, [{ entity: 'api_key', entityId: key.id, action: 'create', after: key }]);
    return { ...key, userName: user.name, token };
  });
}
