import type { Ctx } from '../domain/shared/context.js';

/**
 * One kind of background job. A job file (`<verb-noun>.job.ts`) exports one of these and calls
 * ONE domain use case with the system context the runner builds. Jobs run at least once (a
 * crash after the work but before the acknowledgement runs it again), so handlers must be
 * idempotent. Keep each run short: on embedded PGlite every query waits on the one session that
 * also serves HTTP.
 */
export type JobDefinition<Data extends object = Record<string, never>> = {
  /** The queue name: the file name without `.job.ts` (kebab-case). */
  name: string;
  /** Cron expression (UTC) to enqueue the job on a schedule; omit for jobs only sent by code. */
  schedule?: string;
  /** Attempts after the first failure (default 3). */
  retryLimit?: number;
  /** Seconds before the first retry, doubled on each further one with jitter (default 30); 0 retries at once. */
  retryDelaySeconds?: number;
  /** A run still active after this many seconds is failed and retried (default 300). */
  expireInSeconds?: number;
  handler(ctx: Ctx, data: Data): Promise<unknown>;
};

/** Any job, for registries and the runner (the data type is the job's own business). */
export type AnyJob = JobDefinition<any>;

/** The data a job of this name takes, among these jobs. */
export type JobData<J extends AnyJob, N extends J['name']> = Parameters<Extract<J, { name: N }>['handler']>[1];

/** Declares a job; its name stays a literal type and its data type comes from the handler. */
export function defineJob<const Name extends string, Data extends object = Record<string, never>>(
  job: JobDefinition<Data> & { name: Name },
): JobDefinition<Data> & { name: Name } {
  return job;
}
