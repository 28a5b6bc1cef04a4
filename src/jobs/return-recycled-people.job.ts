import { returnRecycledPeople } from '../domain/handoff/return-recycled-people.js';
import { defineJob } from './job.js';

/** Daily: recycled people whose come-back date has come are MQLs again, routed at once. */
export const returnRecycledPeopleJob = defineJob({
  name: 'return-recycled-people',
  schedule: '20 5 * * *',
  handler: async (ctx) => returnRecycledPeople(ctx),
});
