import { deliverDueWebhooks } from '../domain/webhooks/deliver-due-webhooks.js';
import { defineJob } from './job.js';

/** Every 2 s: due webhook deliveries, claimed in small batches (an event reaches its endpoints within seconds). */
export const deliverWebhooksJob = defineJob({
  name: 'deliver-webhooks',
  everySeconds: 2,
  handler: async (ctx, _data, { config }) => deliverDueWebhooks(ctx, { allowPrivate: config.webhooksAllowPrivate }),
});
