import { deliverWebhooksJob } from './deliver-webhooks.job.js';
import type { AnyJob } from './job.js';
import { purgeExpiredSessionsJob } from './purge-expired-sessions.job.js';
import { recomputeAttributionJob } from './recompute-attribution.job.js';
import { refreshAttributionJob } from './refresh-attribution.job.js';
import { rescorePeopleJob } from './rescore-people.job.js';
import { scorePeopleJob } from './score-people.job.js';
import { sendEmailsJob } from './send-emails.job.js';
import { routeWaitingMqlsJob } from './route-waiting-mqls.job.js';
import { sweepSlaJob } from './sweep-sla.job.js';
import { returnRecycledPeopleJob } from './return-recycled-people.job.js';
import { sendWeeklyDigestJob } from './send-weekly-digest.job.js';
import { scoreImportedPeopleJob } from './score-imported-people.job.js';

/** Every job the server works. Add a job: write `<verb-noun>.job.ts`, then list it here. */
export const JOBS = [purgeExpiredSessionsJob, rescorePeopleJob, scorePeopleJob, deliverWebhooksJob, sendEmailsJob, routeWaitingMqlsJob, sweepSlaJob, returnRecycledPeopleJob, sendWeeklyDigestJob, scoreImportedPeopleJob, recomputeAttributionJob, refreshAttributionJob] as const satisfies readonly AnyJob[];

export type JobName = (typeof JOBS)[number]['name'];
