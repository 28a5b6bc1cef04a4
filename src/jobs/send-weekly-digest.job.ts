import { sendWeeklyDigest } from '../domain/reporting/send-weekly-digest.js';
import { defineJob } from './job.js';

/** Mondays 06:30 UTC: each seller's and marketer's card for the week before, by inbox, e-mail and webhook. */
export const sendWeeklyDigestJob = defineJob({
  name: 'send-weekly-digest',
  schedule: '30 6 * * 1',
  expireInSeconds: 900,
  handler: async (ctx) => sendWeeklyDigest(ctx),
});
