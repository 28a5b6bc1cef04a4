import { eq } from 'drizzle-orm';
import { webhookEndpoints } from '../../db/schema/index.js';
import { authorize } from '../identity/access/authorize.js';
import { recordAudit } from '../shared/audit.js';
import type { Ctx } from '../shared/context.js';
import { notFound } from '../shared/errors.js';
import { newWebhookSecret } from './secrets.js';

/** A new signing secret for an endpoint, returned once; every delivery from now on is signed with it. */
export async function rotateWebhookSecret(ctx: Ctx, id: string): Promise<{ secret: string }> {
  authorize(ctx, 'webhooks:manage');
  const secret = newWebhookSecret();
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const rows = await tx.update(webhookEndpoints).set({ secret, updatedAt: now }).where(eq(webhookEndpoints.id, id)).returning({ id: webhookEndpoints.id });
    if (rows.length === 0) throw notFound('webhook endpoint', id);
    await recordAudit(tx, ctx.actor, now, [{ entity: 'webhook_endpoint', entityId: id, action: 'rotate_secret' }]);
    return { secret };
  });
}
