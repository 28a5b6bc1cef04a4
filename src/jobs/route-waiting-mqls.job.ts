import { routeWaitingMqls } from '../domain/handoff/route-waiting-mqls.js';
import { defineJob } from './job.js';

/** Every 5 s: any MQL without an open hand-off (made by an import, a batch, or missed by a crash) gets one. */
export const routeWaitingMqlsJob = defineJob({
  name: 'route-waiting-mqls',
  everySeconds: 5,
  handler: async (ctx) => routeWaitingMqls(ctx),
});
