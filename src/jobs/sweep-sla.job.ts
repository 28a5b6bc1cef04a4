import { sweepSla } from '../domain/handoff/sweep-sla.js';
import { defineJob } from './job.js';

/** Every 15 s: the SLA steps that came due (reminders, escalations, breaches, re-routing), each exactly once. */
export const sweepSlaJob = defineJob({
  name: 'sweep-sla',
  everySeconds: 15,
  handler: async (ctx) => sweepSla(ctx),
});
