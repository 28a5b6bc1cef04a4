import { scoreImportedPeople } from '../domain/handoff/score-imported-people.js';
import { defineJob } from './job.js';

/** Sent when a CSV import ends: the people it touched scored, new MQLs routed. */
export const scoreImportedPeopleJob = defineJob({
  name: 'score-imported-people',
  retryDelaySeconds: 10,
  expireInSeconds: 1_800,
  handler: async (ctx, data: { importId: string }) => scoreImportedPeople(ctx, data.importId),
});
