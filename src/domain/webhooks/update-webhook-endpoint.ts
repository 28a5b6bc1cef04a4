import { eq } from 'drizzle-orm';
import { webhookEndpoints } from '../../db/schema/index.js';
import { authorize } from '../identity/access/authorize.js';
import { recordAudit } from '../shared/audit.js';
import type { Ctx } from '../shared/context.js';
import { notFound } from '../shared/errors.js';
import { checkWebhookUrl, type UrlRules } from './check-webhook-url.js';
import { loadEndpoints } from './load-endpoints.js';
import { UpdateWebhookEndpointInput, type WebhookEndpoint } from './webhook.schema.js';

/** Changes an endpoint's URL (checked again), description, event types or active flag. */
export async function updateWebhookEndpoint(ctx: Ctx, id: string, raw: UpdateWebhookEndpointInput, rules: UrlRules): Promise<WebhookEndpoint> {
  authorize(ctx, 'webhooks:manage');
  const input = UpdateWebhookEndpointInput.parse(raw);
  const [before] = await loadEndpoints(ctx.db, id);
  if (!before) throw notFound('webhook endpoint', id);
  const url = input.url !== undefined && input.url !== before.url ? await checkWebhookUrl(input.url, rules) : undefined;
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    await tx.update(webhookEndpoints).set({
      ...(url !== undefined ? { url } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.eventTypes !== undefined ? { eventTypes: input.eventTypes } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
      updatedAt: now,
    }).where(eq(webhookEndpoints.id, id));
    const [after] = await loadEndpoints(tx, id);
    await recordAudit(tx, ctx.actor, now, [{ entity: 'webhook_endpoint', entityId: id, action: 'update', before, after }]);
    return after!;
  });
}
