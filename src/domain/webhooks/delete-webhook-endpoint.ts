import { eq } from 'drizzle-orm';
import { webhookEndpoints } from '../../db/schema/index.js';
import { authorize } from '../identity/access/authorize.js';
import { recordAudit } from '../shared/audit.js';
import type { Ctx } from '../shared/context.js';
import { notFound } from '../shared/errors.js';
import { loadEndpoints } from './load-endpoints.js';

/** Removes an endpoint and its delivery log; nothing more is sent to it. */
export async function deleteWebhookEndpoint(ctx: Ctx, id: string): Promise<void> {
  authorize(ctx, 'webhooks:manage');
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const [before] = await loadEndpoints(tx, id);
    if (!before) throw notFound('webhook endpoint', id);
    await tx.delete(webhookEndpoints).where(eq(webhookEndpoints.id, id));
    await recordAudit(tx, ctx.actor, now, [{ entity: 'webhook_endpoint', entityId: id, action: 'delete', before }]);
  });
}
