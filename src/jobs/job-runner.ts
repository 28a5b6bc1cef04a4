import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type pg from 'pg';
import { loadConfig, type Config } from '../config.js';
import type { DbHandle } from '../db/client.js';
import { systemClock, type Clock } from '../domain/shared/clock.js';
import { systemCtx } from '../domain/shared/context.js';
import type { AnyJob, JobData, JobEnv } from './job.js';
import { JOBS } from './registry.js';

/** pg-boss keeps its tables (queues, jobs, schedules, archive) in this schema of our database. */
export const JOBS_SCHEMA = 'pgboss';

export type JobRunnerOptions<J extends readonly AnyJob[]> = {
  handle: DbHandle;
  log: Logger;
  clock?: Clock;
  /** The jobs to create queues for and to work (default: the registry, src/jobs/registry.ts). */
  jobs?: J;
  /**
   * Work the queues, fire the schedules and run pg-boss maintenance (default true). False for a
   * node that only serves the web (TRUCE_JOBS=off): it can still send jobs.
   */
  work?: boolean;
  /** How often an idle queue is polled (pg-boss allows 0.5 and up; default 2). */
  pollingIntervalSeconds?: number;
  /** The configuration handlers receive (default: the defaults of src/config.ts). */
  config?: Config;
};

export type SendOptions = {
  /** At most one queued job per key (pg-boss singletonKey). */
  singletonKey?: string;
  /** Not before this time (or this many seconds from now). */
  startAfter?: Date | number;
};

export type JobRunner<J extends readonly AnyJob[]> = {
  /** Enqueues a job (durable once this resolves); returns its id, or null if a singleton was already queued. */
  send<N extends J[number]['name']>(name: N, data: JobData<J[number], N>, options?: SendOptions): Promise<string | null>;
  /** Stops polling, lets running jobs finish (up to timeoutMs), then stops pg-boss. Call before closing the database. */
  stop(options?: { timeoutMs?: number }): Promise<void>;
  /** The pg-boss instance, for inspection (tests, admin tooling). */
  readonly boss: PgBoss;
};

/**
 * Starts pg-boss on our own pool (the `db` adapter): on PGlite that is the one multiplexed
 * session, on PostgreSQL the app's pool. Creates or migrates the pgboss schema, creates a queue
 * per job, schedules the cron jobs and starts one polling loop per job. Our loop (rather than
 * pg-boss `work()`) awaits every completion, so a failed acknowledgement is logged, never an
 * unhandled rejection, and a stop waits for the job in hand.
 */
export async function startJobRunner<const J extends readonly AnyJob[] = typeof JOBS>(options: JobRunnerOptions<J>): Promise<JobRunner<J>> {
  const { handle, log, clock = systemClock, work = true, pollingIntervalSeconds = 2 } = options;
  const jobs: readonly AnyJob[] = options.jobs ?? JOBS;
  const env: JobEnv = { config: options.config ?? loadConfig({}) };
  for (const job of jobs) {
    if (job.everySeconds !== undefined && (job.schedule || !(job.everySeconds > 0))) {
      throw new Error(`job ${job.name}: everySeconds must be positive and cannot go with a schedule`);
    }
  }
  const ticking = jobs.filter((j) => j.everySeconds !== undefined);
  const queued = jobs.filter((j) => j.everySeconds === undefined);
  const db = poolAdapter(handle.pool);
  const boss = new PgBoss({ db, schema: JOBS_SCHEMA, migrate: true, supervise: work, schedule: work });
  // An 'error' event without a listener would crash the process; pg-boss reports and carries on.
  boss.on('error', (err) => log.error({ err }, 'job queue error'));
  await boss.start();
  for (const job of queued) {
    const retryDelay = job.retryDelaySeconds ?? 30;
    const queue = {
      name: job.name,
      retryLimit: job.retryLimit ?? 3,
      retryDelay,
      retryBackoff: retryDelay > 0,
      expireInSeconds: job.expireInSeconds ?? 300,
    };
    await boss.createQueue(job.name, queue);
    await boss.updateQueue(job.name, queue);
    if (work && job.schedule) await boss.schedule(job.name, job.schedule, {}, { tz: 'UTC' });
    else if (work) await boss.unschedule(job.name);
  }

  let stopping = false;
  /** The idle loops' alarms, by job name: a stop or a local send wakes a loop before its next poll. */
  const wakers = new Map<string, () => void>();
  const pause = (name: string, ms: number) => new Promise<void>((resolve) => {
    const wake = () => { clearTimeout(timer); wakers.delete(name); resolve(); };
    const timer = setTimeout(wake, ms);
    wakers.set(name, wake);
  });

  const runOne = async (job: AnyJob, item: PgBoss.JobWithMetadata<object>) => {
    const jobLog = log.child({ job: job.name, jobId: item.id, attempt: item.retryCount + 1 });
    const ctx = systemCtx(handle, clock, jobLog, { type: 'system', id: `job:${job.name}`, label: `job ${job.name}` });
    const started = Date.now();
    let result: unknown;
    try {
      result = await job.handler(ctx, item.data, env);
    } catch (err) {
      const retrying = item.retryCount < item.retryLimit;
      jobLog[retrying ? 'warn' : 'error']({ err, ms: Date.now() - started, retrying }, retrying ? 'job failed, will retry' : 'job failed, no retries left');
      try {
        await boss.fail(job.name, item.id, { message: err instanceof Error ? err.message : String(err) });
      } catch (failErr) {
        jobLog.error({ err: failErr }, 'could not record the job failure; it is retried when it expires');
      }
      return;
    }
    try {
      await boss.complete(job.name, item.id, result !== null && typeof result === 'object' ? result : { value: result ?? null });
      jobLog.debug({ ms: Date.now() - started }, 'job done');
    } catch (err) {
      jobLog.error({ err }, 'could not record the job as done; it runs again when it expires');
    }
  };

  const loop = async (job: AnyJob) => {
    while (!stopping) {
      let items: PgBoss.JobWithMetadata<object>[] = [];
      try {
        items = await boss.fetch<object>(job.name, { batchSize: 1, includeMetadata: true });
      } catch (err) {
        if (!stopping) log.error({ err, job: job.name }, 'could not fetch jobs');
      }
      for (const item of items) await runOne(job, item);
      if (items.length === 0 && !stopping) await pause(job.name, pollingIntervalSeconds * 1000);
    }
  };
  /** Ticking jobs sent while running: they run again at once. */
  const rerun = new Set<string>();
  /** A ticking job: its handler every `everySeconds` (measured from the start of a run), never two at once. */
  const tick = async (job: AnyJob) => {
    const every = job.everySeconds! * 1000;
    const ctx = systemCtx(handle, clock, log.child({ job: job.name }), { type: 'system', id: `job:${job.name}`, label: `job ${job.name}` });
    while (!stopping) {
      const started = Date.now();
      try {
        const result = await job.handler(ctx, {}, env);
        ctx.log.trace({ ms: Date.now() - started, result }, 'tick done');
      } catch (err) {
        if (!stopping) ctx.log.error({ err, ms: Date.now() - started }, 'tick failed; the next one tries again');
      }
      if (rerun.delete(job.name)) continue;
      if (!stopping) await pause(job.name, Math.max(0, every - (Date.now() - started)));
    }
  };
  const loops = work ? [...queued.map((job) => loop(job)), ...ticking.map((job) => tick(job))] : [];
  log.info({ jobs: jobs.map((j) => j.name), working: work }, work ? 'jobs started' : 'jobs: sending only (TRUCE_JOBS=off)');

  let stopped: Promise<void> | null = null;
  return {
    boss,
    send: async (name, data, sendOptions = {}) => {
      if (ticking.some((j) => j.name === name)) {
        // Not queued: run it now on this node (a web-only node leaves it to the working nodes' ticks).
        const wake = wakers.get(name);
        if (wake) wake();
        else if (work) rerun.add(name);
        return null;
      }
      const id = await boss.send(name, data as object, {
        ...(sendOptions.singletonKey ? { singletonKey: sendOptions.singletonKey } : {}),
        ...(sendOptions.startAfter !== undefined ? { startAfter: sendOptions.startAfter } : {}),
      });
      if (sendOptions.startAfter === undefined) wakers.get(name)?.();
      return id;
    },
    stop: ({ timeoutMs = 10_000 } = {}) => {
      stopped ??= (async () => {
        stopping = true;
        for (const wake of [...wakers.values()]) wake();
        let timer: NodeJS.Timeout | undefined;
        const timedOut = await Promise.race([
          Promise.all(loops).then(() => false),
          new Promise<boolean>((resolve) => { timer = setTimeout(() => resolve(true), timeoutMs); }),
        ]);
        clearTimeout(timer);
        if (timedOut) log.warn({ timeoutMs }, 'jobs still running at stop: they are retried once they expire');
        await boss.stop({ graceful: false, close: false });
        await db.settled();
      })();
      return stopped;
    },
  };
}

/** pg-boss's `db` option on our pool, remembering queries in flight so a stop can wait for them. */
function poolAdapter(pool: pg.Pool): PgBoss.Db & { settled(): Promise<void> } {
  const inflight = new Set<Promise<unknown>>();
  return {
    executeSql(text: string, values?: unknown[]) {
      const p = pool.query(text, values);
      inflight.add(p);
      p.then(() => inflight.delete(p), () => inflight.delete(p));
      return p;
    },
    async settled() {
      await Promise.allSettled([...inflight]);
    },
  };
}
