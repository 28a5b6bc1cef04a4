import { scoreAndRoutePeople } from '../domain/handoff/score-and-route-people.js';
import { defineJob } from './job.js';

/**
 * Sent after a capture batch: the people whose timeline changed, scored under the live model, new
 * MQLs routed. `firstAt[i]` (epoch ms), when the capture said it, is when `personIds[i]`'s earliest
 * new touch happened: a stored score then takes the new touches on without reading the history
 * (a score written meanwhile, or a retry, is scored from every touch: see advance-scores.ts).
 */
export const scorePeopleJob = defineJob({
  name: 'score-people',
  retryDelaySeconds: 5,
  handler: async (ctx, data: { personIds: string[]; firstAt?: (number | null)[] }) => {
    let scored = 0;
    for (let i = 0; i < data.personIds.length; i += 1_000) {
      const ids = data.personIds.slice(i, i + 1_000);
      const firstAt = data.firstAt ? new Map<string, Date>() : undefined;
      if (firstAt) ids.forEach((id, k) => { const at = data.firstAt![i + k]; if (at != null) firstAt.set(id, new Date(at)); });
      scored += (await scoreAndRoutePeople(ctx, ids, undefined, { firstAt })).scored;
    }
    return { scored };
  },
});
