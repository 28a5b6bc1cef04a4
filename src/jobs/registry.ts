import type { AnyJob } from './job.js';
import { purgeExpiredSessionsJob } from './purge-expired-sessions.job.js';

/** Every job the server works. Add a job: write `<verb-noun>.job.ts`, then list it here. */
export const JOBS = [purgeExpiredSessionsJob] as const satisfies readonly AnyJob[];

export type JobName = (typeof JOBS)[number]['name'];
