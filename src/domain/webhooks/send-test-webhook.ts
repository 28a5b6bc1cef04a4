import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { webhookEndpoints } from '../../db/schema/index.js';
import { authorize } from '../identity/access/authorize.js';
import type { Ctx } from '../shared/context.js';
import { notFound } from '../shared/errors.js';
import type { DeliveryRules } from './attempt-deliveries.js';
import { postWebhook } from './post-webhook.js';
import type { WebhookTestResult } from './webhook.schema.js';

/**
 * Sends a `webhook.test` message to an endpoint now, signed like every delivery, and answers with
 * what the endpoint said. It is not an event: nothing goes to the outbox nor the delivery log.
 */
export async function sendTestWebhook(ctx: Ctx, id: string, rules: DeliveryRules): Promise<WebhookTestResult> {
  authorize(ctx, 'webhooks:manage');
  const [endpoint] = await ctx.db.select({ url: webhookEndpoints.url, secret: webhookEndpoints.secret }).from(webhookEndpoints).where(eq(webhookEndpoints.id, id));
  if (!endpoint) throw notFound('webhook endpoint', id);
  const now = ctx.clock.now();
  const webhookId = `test_${randomUUID()}`;
  const result = await postWebhook(endpoint.url, endpoint.secret, {
    id: webhookId, type: 'webhook.test', timestamp: now, data: { endpointId: id, message: 'A test message from Truce.' },
  }, { allowPrivate: rules.allowPrivate, now, ...(rules.timeoutMs ? { timeoutMs: rules.timeoutMs } : {}) });
  return { ok: result.ok, webhookId, statusCode: result.statusCode, error: result.error, durationMs: result.durationMs };
}
