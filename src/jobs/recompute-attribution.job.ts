import { recomputeAttribution } from '../domain/attribution/recompute-attribution.js';
import { defineJob } from './job.js';

/** Every deal's credit under every model, and the data-driven models refitted: nightly, after a settings change, or on request. */
export const recomputeAttributionJob = defineJob({
  name: 'recompute-attribution',
  schedule: '45 3 * * *',
  expireInSeconds: 1_800,
  retryLimit: 1,
  handler: async (ctx, data: { runId?: string }) => {
    const r = await recomputeAttribution(ctx, data.runId ? { runId: data.runId } : {});
    return { runId: r.runId, deals: r.deals, timings: r.timings };
  },
});
