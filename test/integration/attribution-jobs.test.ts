import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startRecompute } from '../../src/domain/attribution/start-recompute.js';
import { recomputeAttributionJob } from '../../src/jobs/recompute-attribution.job.js';
import { refreshAttributionJob } from '../../src/jobs/refresh-attribution.job.js';
import { startJobRunner, type JobRunner } from '../../src/jobs/job-runner.js';
import { createLogger } from '../../src/logger.js';
import { createTestEnv, type TestEnv } from '../support/test-app.js';

/** The wiring: the full recompute as a queued job with progress, and the ticking refresh picking up a new touch. */
let env: TestEnv;
const running: JobRunner<any>[] = [];
const log = createLogger('silent');

async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
const emailCredit = async () => (await env.request('GET', '/api/v1/attribution/report?dimension=channel&model=linear')).body.rows
  .find((r: { key: string }) => r.key === 'email')?.model.credit ?? 0;

beforeAll(async () => {
  env = await createTestEnv({ now: '2026-06-15T12:00:00Z' });
  const t = await env.request('POST', '/api/v1/touchpoints', { touchpoints: [
    { externalId: 'j-1', occurredAt: '2026-05-01T10:00:00Z', kind: 'page_view', channel: 'web', email: 'jobs@wired.test' },
  ] });
  expect(t.status, t.text).toBe(201);
  const person = (await env.request('GET', '/api/v1/people?q=jobs@wired')).body.data[0];
  const o = await env.request('POST', '/api/v1/opportunities', { accountId: person.accountId, name: 'Wired deal', amount: 1000, createdAt: '2026-05-20T00:00:00Z', contacts: [{ personId: person.id, role: 'champion' }] });
  expect(o.status, o.text).toBe(201);
});
afterEach(async () => { await Promise.all(running.splice(0).map((r) => r.stop())); });
afterAll(async () => { await env?.close(); });

describe('attribution jobs', () => {
  it('works a queued full recompute and records its progress as completed', async () => {
    const r = await startJobRunner({ handle: env.handle, log, clock: env.clock, jobs: [recomputeAttributionJob], pollingIntervalSeconds: 0.5 });
    running.push(r);
    const run = await startRecompute(env.ctx);
    expect((await env.request('GET', `/api/v1/attribution/runs/${run.id}`)).body).toMatchObject({ status: 'running', step: 'queued' });
    const id = await r.send('recompute-attribution', { runId: run.id });
    await until('the job to complete', async () => (await r.boss.getJobById('recompute-attribution', id!))?.state === 'completed');
    expect((await env.request('GET', `/api/v1/attribution/runs/${run.id}`)).body).toMatchObject({ status: 'completed', done: 1, total: 1 });
  });

  it('credits a new touch within seconds through the ticking refresh', async () => {
    expect(await emailCredit()).toBe(0);
    const r = await startJobRunner({ handle: env.handle, log, clock: env.clock, jobs: [refreshAttributionJob], pollingIntervalSeconds: 0.5 });
    running.push(r);
    const t = await env.request('POST', '/api/v1/touchpoints', { touchpoints: [
      { externalId: 'j-2', occurredAt: '2026-05-10T10:00:00Z', kind: 'email_click', channel: 'email', email: 'jobs@wired.test' },
    ] });
    expect(t.status, t.text).toBe(201);
    expect(await until('the e-mail to be credited', async () => { const c = await emailCredit(); return c > 0 ? c : null; })).toBeCloseTo(500, 2);
  });
});
