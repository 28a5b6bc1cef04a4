import { and, eq, isNull } from 'drizzle-orm';
import { apiKeys } from '../../db/schema/index.js';
import { recordAudit } from '../shared/audit.js';
import type { Ctx } from '../shared/context.js';
import { notFound } from '../shared/errors.js';
import { authorize } from './access/authorize.js';

/** Revoking is immediate and final; revoking twice is harmless. */
export async function revokeApiKey(ctx: Ctx, id: string): Promise<void> {
  authorize(ctx, 'api_keys:manage');
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const [exists] = await tx.select({ id: apiKeys.id }).from(apiKeys).where(eq(apiKeys.id, id));
    if (!exists) throw notFound('API key', id);
    const [row] = await tx.update(apiKeys).set({ revokedAt: now }).where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt))).returning({ id: apiKeys.id });
    if (row) await recordAudit(tx, ctx.actor, now, [{ entity: 'api_key', entityId: id, action: 'revoke' }]);
  });
}
