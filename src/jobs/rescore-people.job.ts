import { rescoreAll } from '../domain/scoring/rescore-all.js';
import { defineJob } from './job.js';

/** Nightly, and after a model is published: every person under the live model (decay moves scores). */
export const rescorePeopleJob = defineJob({
  name: 'rescore-people',
  schedule: '30 2 * * *',
  expireInSeconds: 3_600,
  handler: async (ctx) => {
    const run = await rescoreAll(ctx);
    ctx.log.info(run, 'people rescored');
    return run;
  },
});
