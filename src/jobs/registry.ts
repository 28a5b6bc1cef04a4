import type { AnyJob } from './job.js';
import { purgeExpiredSessionsJob } from './purge-expired-sessions.job.js';
import { rescorePeopleJob } from './rescore-people.job.js';
import { scorePeopleJob } from './score-people.job.js';

/** Every job the server works. Add a job: write `<verb-noun>.job.ts`, then list it here. */
export const JOBS = [purgeExpiredSessionsJob, rescorePeopleJob, scorePeopleJob] as const satisfies readonly AnyJob[];

export type JobName = (typeof JOBS)[number]['name'];
