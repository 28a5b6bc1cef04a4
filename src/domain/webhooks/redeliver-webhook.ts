import { and, eq, getTableColumns } from 'drizzle-orm';
import { events, webhookDeliveries } from '../../db/schema/index.js';
import { authorize } from '../identity/access/authorize.js';
import { recordAudit } from '../shared/audit.js';
import type { Ctx } from '../shared/context.js';
import { notFound } from '../shared/errors.js';
import { attemptDeliveries, CLAIM_LEASE_SECONDS, type DeliveryRules } from './attempt-deliveries.js';
import type { WebhookDelivery } from './webhook.schema.js';

/**
 * Starts a delivery over (any status, a dead one too): attempted now, in this request, as the
 * first attempt of a fresh retry schedule. Answers with the delivery as it now is.
 */
export async function redeliverWebhook(ctx: Ctx, endpointId: string, deliveryId: string, rules: DeliveryRules): Promise<WebhookDelivery> {
  authorize(ctx, 'webhooks:manage');
  const now = ctx.clock.now();
  const claimed = await ctx.db.update(webhookDeliveries).set({
    status: 'pending', attempts: 1, lastAttemptAt: now, nextAttemptAt: new Date(now.getTime() + CLAIM_LEASE_SECONDS * 1000),
  }).where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.endpointId, endpointId)))
    .returning({ id: webhookDeliveries.id, attempts: webhookDeliveries.attempts });
  if (claimed.length === 0) throw notFound('webhook delivery', deliveryId);
  await recordAudit(ctx.db, ctx.actor, now, [{ entity: 'webhook_delivery', entityId: deliveryId, action: 'redeliver' }]);
  await attemptDeliveries(ctx.db, ctx.clock, claimed, rules);
  const { eventId: _eventRowId, ...columns } = getTableColumns(webhookDeliveries);
  const [row] = await ctx.db.select({ ...columns, eventId: events.eventId, eventType: events.type, occurredAt: events.occurredAt })
    .from(webhookDeliveries).innerJoin(events, eq(events.id, webhookDeliveries.eventId)).where(eq(webhookDeliveries.id, deliveryId));
  return row!;
}
