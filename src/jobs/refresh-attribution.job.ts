import { refreshChangedAttribution } from '../domain/attribution/refresh-changed-attribution.js';
import { defineJob } from './job.js';

/** Every few seconds: the credit of deals whose touches or fields changed since the last refresh. */
export const refreshAttributionJob = defineJob({
  name: 'refresh-attribution',
  everySeconds: 5,
  handler: async (ctx) => refreshChangedAttribution(ctx),
});
