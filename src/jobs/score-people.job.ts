import { scoreAndRoutePeople } from '../domain/handoff/score-and-route-people.js';
import { defineJob } from './job.js';

/** Sent after a capture batch: the people whose timeline changed, scored under the live model, new MQLs routed. */
export const scorePeopleJob = defineJob({
  name: 'score-people',
  retryDelaySeconds: 5,
  handler: async (ctx, data: { personIds: string[] }) => {
    let scored = 0;
    for (let i = 0; i < data.personIds.length; i += 1_000) scored += (await scoreAndRoutePeople(ctx, data.personIds.slice(i, i + 1_000))).scored;
    return { scored };
  },
});
