import type { Config } from '../config.js';
import type { Ctx } from '../domain/shared/context.js';

/** What a handler may need beyond the context: the server's configuration (SMTP, webhook rules, …). */
export type JobEnv = { config: Config };

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
  /**
   * Run the handler every this many seconds on each working node, outside the queue (no job row,
   * no retries): for sweeps over due rows that must react within seconds, which a per-minute cron
   * cannot. Runs never overlap on one node; several nodes may run at once, so the handler claims
   * its rows (`FOR UPDATE SKIP LOCKED`, a lease). A failed run is logged and the next tick tries
   * again. Not with `schedule`; `runner.send(name)` runs it now on this node.
   */
  everySeconds?: number;
  /** Attempts after the first failure (default 3). */
  retryLimit?: number;
  /** Seconds before the first retry, doubled on each further one with jitter (default 30); 0 retries at once. */
  retryDelaySeconds?: number;
  /** A run still active after this many seconds is failed and retried (default 300). */
  expireInSeconds?: number;
  handler(ctx: Ctx, data: Data, env: JobEnv): Promise<unknown>;
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
