import { authorize } from '../identity/access/authorize.js';
import type { Ctx } from '../shared/context.js';
import { notFound } from '../shared/errors.js';
import { loadEndpoints } from './load-endpoints.js';
import type { WebhookEndpoint } from './webhook.schema.js';

export async function getWebhookEndpoint(ctx: Ctx, id: string): Promise<WebhookEndpoint> {
  authorize(ctx, 'webhooks:manage');
  const [endpoint] = await loadEndpoints(ctx.db, id);
  if (!endpoint) throw notFound('webhook endpoint', id);
  return endpoint;
}
