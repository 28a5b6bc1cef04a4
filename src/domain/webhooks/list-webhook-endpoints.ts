import { authorize } from '../identity/access/authorize.js';
import type { Ctx } from '../shared/context.js';
import { loadEndpoints } from './load-endpoints.js';
import type { WebhookEndpoint } from './webhook.schema.js';

/** Every endpoint, newest first, with its delivery counts; never the secrets. */
export async function listWebhookEndpoints(ctx: Ctx): Promise<WebhookEndpoint[]> {
  authorize(ctx, 'webhooks:manage');
  return loadEndpoints(ctx.db);
}
