import { webhookEndpoints } from '../../db/schema/index.js';
import { authorize } from '../identity/access/authorize.js';
import { recordAudit } from '../shared/audit.js';
import type { Ctx } from '../shared/context.js';
import { checkWebhookUrl, type UrlRules } from './check-webhook-url.js';
import { loadEndpoints } from './load-endpoints.js';
import { newWebhookSecret } from './secrets.js';
import { CreateWebhookEndpointInput, type CreatedWebhookEndpoint } from './webhook.schema.js';

/** Admins add an endpoint; its signing secret is in the answer, once. Events from now on are delivered to it. */
export async function createWebhookEndpoint(ctx: Ctx, raw: CreateWebhookEndpointInput, rules: UrlRules): Promise<CreatedWebhookEndpoint> {
  authorize(ctx, 'webhooks:manage');
  const input = CreateWebhookEndpointInput.parse(raw);
  const url = await checkWebhookUrl(input.url, rules);
  const secret = newWebhookSecret();
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(webhookEndpoints).values({
      url, description: input.description ?? null, eventTypes: input.eventTypes, active: input.active, secret,
      createdById: ctx.principal.userId, createdAt: now, updatedAt: now,
    }).returning({ id: webhookEndpoints.id });
    const [endpoint] = await loadEndpoints(tx, row!.id);
    await recordAudit(tx, ctx.actor, now, [{ entity: 'webhook_endpoint', entityId: row!.id, action: 'create', after: endpoint }]);
    return { ...endpoint!, secret };
  });
}
