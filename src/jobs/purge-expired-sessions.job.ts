import { purgeExpiredSessions } from '../domain/identity/purge-expired-sessions.js';
import { defineJob } from './job.js';

/** Hourly: deletes sessions past their expiry (idempotent: a second run finds nothing). */
export const purgeExpiredSessionsJob = defineJob({
  name: 'purge-expired-sessions',
  schedule: '17 * * * *',
  handler: async (ctx) => {
    const purged = await purgeExpiredSessions(ctx);
    ctx.log.info({ purged }, 'expired sessions purged');
    return { purged };
  },
});
