import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '../../src/db/schema/index.js';
import { createUser } from '../../src/domain/identity/create-user.js';
import { createLogger } from '../../src/logger.js';
import { defineJob } from '../../src/jobs/job.js';
import { startJobRunner, type JobRunner } from '../../src/jobs/job-runner.js';
import { JOBS } from '../../src/jobs/registry.js';
import { createTestEnv, type TestEnv } from '../support/test-app.js';

let env: TestEnv;
const log = createLogger(process.env.JOBS_LOG ?? 'silent');
const running: JobRunner<any>[] = [];

beforeAll(async () => { env = await createTestEnv({ now: '2026-06-15T12:00:00Z' }); });
afterEach(async () => { await Promise.all(running.splice(0).map((r) => r.stop())); });
afterAll(async () => { await env?.close(); });

/** A runner on the test database, polling fast, stopped after each test. */
async function runner<const J extends readonly any[]>(jobs: J, work = true) {
  const r = await startJobRunner({ handle: env.handle, log, clock: env.clock, jobs, work, pollingIntervalSeconds: 0.5 });
  running.push(r);
  return r;
}

async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function stateOf(r: JobRunner<any>, name: string, id: string) {
  return (await r.boss.getJobById(name, id))?.state;
}

describe('jobs', () => {
  it('runs a sent job exactly once, even with two runners working the queue', async () => {
    const seen: string[] = [];
    const job = defineJob({
      name: 'test-record-once',
      handler: async (_ctx, data: { tag: string }) => { seen.push(data.tag); },
    });
    const sender = await runner([job], false); // sends without waking either worker: both poll for them
    await runner([job]);
    await runner([job]);
    const tags = ['a', 'b', 'c', 'd', 'e', 'f'];
    const ids = await Promise.all(tags.map((tag) => sender.send('test-record-once', { tag })));
    for (const id of ids) await until('completion', async () => (await stateOf(sender, job.name, id!)) === 'completed');
    await new Promise((r) => setTimeout(r, 700)); // past both runners' next poll: nothing runs a second time
    expect(seen.sort()).toEqual(tags);
  });

  it('retries a failing job with the retry policy, then records it done', async () => {
    let calls = 0;
    const job = defineJob({
      name: 'test-flaky',
      retryLimit: 2,
      retryDelaySeconds: 0,
      handler: async () => {
        calls += 1;
        if (calls === 1) throw new Error('first attempt fails');
        return { calls };
      },
    });
    const r = await runner([job]);
    const id = (await r.send('test-flaky', {}))!;
    await until('completion', async () => (await stateOf(r, job.name, id)) === 'completed');
    const done = await r.boss.getJobById(job.name, id);
    expect(calls).toBe(2);
    expect(done).toMatchObject({ retryCount: 1, output: { calls: 2 } });
  });

  it('marks a job failed once its retries are spent, and keeps working', async () => {
    let calls = 0;
    const failing = defineJob({ name: 'test-always-fails', retryLimit: 1, retryDelaySeconds: 0, handler: async () => { calls += 1; throw new Error('broken'); } });
    const fine = defineJob({ name: 'test-fine', handler: async () => ({ ok: true }) });
    const r = await runner([failing, fine]);
    const bad = (await r.send('test-always-fails', {}))!;
    await until('failure', async () => (await stateOf(r, failing.name, bad)) === 'failed');
    expect(calls).toBe(2);
    expect((await r.boss.getJobById(failing.name, bad))?.output).toMatchObject({ message: 'broken' });
    const good = (await r.send('test-fine', {}))!;
    await until('the next job', async () => (await stateOf(r, fine.name, good)) === 'completed');
  });

  it('keeps a job sent while nothing works the queue, and runs it when a runner starts', async () => {
    const seen: number[] = [];
    const job = defineJob({ name: 'test-durable', handler: async (_ctx, data: { n: number }) => { seen.push(data.n); } });
    const sender = await runner([job], false);
    const id = (await sender.send('test-durable', { n: 7 }))!;
    await sender.stop();
    expect(await stateOf(sender, job.name, id)).toBe('created');
    expect(seen).toEqual([]);
    const worker = await runner([job]);
    await until('completion', async () => (await stateOf(worker, job.name, id)) === 'completed');
    expect(seen).toEqual([7]);
  });

  it('lets the job in hand finish when the runner stops', async () => {
    let started = false;
    const job = defineJob({
      name: 'test-slow',
      handler: async () => { started = true; await new Promise((r) => setTimeout(r, 300)); return { finished: true }; },
    });
    const r = await runner([job]);
    const id = (await r.send('test-slow', {}))!;
    await until('the start', async () => started);
    await r.stop();
    expect(await r.boss.getJobById(job.name, id)).toMatchObject({ state: 'completed', output: { finished: true } });
  });

  it('purges expired sessions on the hourly schedule and keeps live ones', async () => {
    const user = await createUser(env.ctx, { email: 'jobs@truce.test', name: 'Jobs', role: 'sales_rep' });
    const now = env.clock.now().getTime();
    await env.ctx.db.insert(sessions).values([
      { tokenHash: 'expired', userId: user.id, csrfToken: 'x', expiresAt: new Date(now - 60_000) },
      { tokenHash: 'live', userId: user.id, csrfToken: 'y', expiresAt: new Date(now + 60_000) },
    ]);
    const r = await runner(JOBS);
    const schedules = await r.boss.getSchedules();
    expect(schedules).toContainEqual(expect.objectContaining({ name: 'purge-expired-sessions', cron: '17 * * * *' }));
    const id = (await r.send('purge-expired-sessions', {}))!;
    await until('the purge', async () => (await stateOf(r, 'purge-expired-sessions', id)) === 'completed');
    const { rows } = await env.handle.pool.query<{ token_hash: string }>('select token_hash from sessions where user_id = $1', [user.id]);
    expect(rows.map((x) => x.token_hash)).toEqual(['live']);
    expect((await r.boss.getJobById('purge-expired-sessions', id))?.output).toEqual({ purged: 1 });
  });
});
