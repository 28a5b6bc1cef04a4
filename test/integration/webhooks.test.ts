import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { deliverDueWebhooks } from '../../src/domain/webhooks/deliver-due-webhooks.js';
import { createApp } from '../../src/http/app.js';
import { deliverWebhooksJob } from '../../src/jobs/deliver-webhooks.job.js';
import { startJobRunner } from '../../src/jobs/job-runner.js';
import { createLogger } from '../../src/logger.js';
import { createTestEnv, type TestEnv } from '../support/test-app.js';

/** A local receiver: records every request, answers with the next queued status (default 200). */
type Received = { headers: Record<string, string>; body: string; type: string };
async function receiver() {
  const received: Received[] = [];
  const statuses: number[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({ headers: req.headers as Record<string, string>, body, type: (JSON.parse(body) as { type: string }).type });
      const status = statuses.shift() ?? 200;
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status >= 300 ? 'receiver is down' : 'ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/truce`;
  return { url, received, statuses, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
type Receiver = Awaited<ReturnType<typeof receiver>>;

/** Standard Webhooks verification, at the test clock's time (the message is signed with it). */
function verify(secret: string, r: Received, now: Date): unknown {
  vi.useFakeTimers({ toFake: ['Date'], now });
  try {
    return new Webhook(secret).verify(r.body, r.headers);
  } finally {
    vi.useRealTimers();
  }
}

let env: TestEnv;
const receivers: Receiver[] = [];
const endpoints: string[] = [];
let n = 0;

beforeAll(async () => { env = await createTestEnv({ config: { webhooksAllowPrivate: true } }); });
afterEach(async () => {
  // Each test's endpoints are paused afterwards, so later events go to later tests' receivers only.
  for (const id of endpoints.splice(0)) await env.request('PATCH', `/api/v1/webhooks/endpoints/${id}`, { active: false });
});
afterAll(async () => {
  await Promise.all(receivers.map((r) => r.close()));
  await env?.close();
});

async function endpointFor(eventTypes: string[] = []) {
  const r = await receiver();
  receivers.push(r);
  const res = await env.request('POST', '/api/v1/webhooks/endpoints', { url: r.url, eventTypes, description: 'test receiver' });
  expect(res.status).toBe(201);
  endpoints.push(res.body.id);
  return { r, id: res.body.id as string, secret: res.body.secret as string };
}

/** A person who arrives as an MQL through the API: person.stage_changed and person.mql events. */
async function handRaise() {
  n += 1;
  const res = await env.request('POST', '/api/v1/people', { email: `buyer${n}@hooks-${n}.test`, lastName: `Buyer ${n}`, lifecycleStage: 'mql' });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

async function eventsOf(personId: string) {
  const { rows } = await env.ctx.db.execute<{ event_id: string; type: string }>(sql`
    select event_id, type from events where subject_id = ${personId}::uuid order by id`);
  return rows;
}

async function deliveries(endpointId: string) {
  const res = await env.request('GET', `/api/v1/webhooks/endpoints/${endpointId}/deliveries`);
  expect(res.status).toBe(200);
  return res.body.data as { id: string; status: string; attempts: number; lastStatusCode: number | null; lastError: string | null; lastDurationMs: number | null; nextAttemptAt: string; eventId: string; eventType: string }[];
}

const deliver = (allowPrivate = true) => deliverDueWebhooks(env.ctx, { allowPrivate });

describe('webhook endpoints', () => {
  it('are for admins only', async () => {
    for (const role of ['marketing', 'sales_manager', 'sdr'] as const) {
      const as = await env.actAs(role);
      expect((await as.request('GET', '/api/v1/webhooks/endpoints')).status).toBe(403);
      const made = await as.request('POST', '/api/v1/webhooks/endpoints', { url: 'https://hooks.example.com/x' });
      expect(made).toMatchObject({ status: 403, body: { code: 'forbidden' } });
    }
  });

  it('show a whsec_ secret of 32 random bytes on creation only', async () => {
    const { id, secret } = await endpointFor();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32);
    const listed = await env.request('GET', '/api/v1/webhooks/endpoints');
    expect(listed.body.data.find((e: { id: string }) => e.id === id)).toMatchObject({ id, active: true, eventTypes: [] });
    expect(listed.text).not.toContain(secret.slice(6));
    expect((await env.request('GET', `/api/v1/webhooks/endpoints/${id}`)).body).not.toHaveProperty('secret');
  });

  it('refuses private, loopback, link-local and unique-local addresses unless allowed by config', async () => {
    const strict = createApp({ handle: env.handle, config: { ...env.config, webhooksAllowPrivate: false }, log: createLogger('silent'), clock: env.clock });
    const post = async (url: string) => {
      const res = await strict.request('/api/v1/webhooks/endpoints', { method: 'POST', headers: { ...env.adminHeaders, 'content-type': 'application/json' }, body: JSON.stringify({ url }) });
      return { status: res.status, body: await res.json() as { code: string; errors: { path: string; message: string }[] } };
    };
    for (const [url, why] of [
      ['http://127.0.0.1:8080/hook', 'loopback'], ['https://10.1.2.3/hook', 'private'], ['http://[::1]/hook', 'loopback'],
      ['http://169.254.169.254/latest/meta-data', 'link-local'], ['https://[fd00::5]/hook', 'unique-local'], ['http://localhost:3000/x', 'loopback'],
      ['http://[::ffff:192.168.0.1]/x', 'private'],
    ] as const) {
      const res = await post(url);
      expect(res, url).toMatchObject({ status: 422, body: { code: 'address_not_allowed', errors: [{ path: 'url' }] } });
      expect(res.body.errors[0]!.message).toContain(why);
    }
    for (const url of ['ftp://hooks.example.com/x', 'not a url']) {
      expect(await post(url)).toMatchObject({ status: 422, body: { code: 'validation_failed', errors: [{ path: 'url' }] } });
    }
    // A public address passes the same check.
    expect((await post('https://93.184.215.14/hook')).status).toBe(201);
    const { rows } = await env.ctx.db.execute<{ id: string }>(sql`select id from webhook_endpoints where url = 'https://93.184.215.14/hook'`);
    endpoints.push(rows[0]!.id);
  });

  it('delivers a stage change as signed person.mql and person.stage_changed messages', async () => {
    const { r, id, secret } = await endpointFor(['person.mql', 'person.stage_changed']);
    const personId = await handRaise();
    const evts = await eventsOf(personId);
    expect(evts.map((e) => e.type)).toContain('person.mql');
    expect(evts.map((e) => e.type)).toContain('person.stage_changed');
    expect((await deliveries(id)).every((d) => d.status === 'pending')).toBe(true);

    const run = await deliver();
    expect(run).toMatchObject({ attempted: evts.length, succeeded: evts.length, failed: 0 });
    expect(r.received.map((m) => m.headers['webhook-id']).sort()).toEqual(evts.map((e) => e.event_id).sort());
    const mql = r.received.find((m) => m.type === 'person.mql')!;
    expect(verify(secret, mql, env.clock.now())).toMatchObject({ type: 'person.mql', data: { personId, to: 'mql' } });
    expect(mql.headers['webhook-timestamp']).toBe(String(env.clock.now().getTime() / 1000));
    expect(() => verify(secret, { ...mql, body: mql.body.replace('mql', 'sql') }, env.clock.now())).toThrow(/signature/);
    const other = 'whsec_' + Buffer.alloc(32, 7).toString('base64');
    expect(() => verify(other, mql, env.clock.now())).toThrow(/signature/);

    const log = await deliveries(id);
    expect(log).toHaveLength(evts.length);
    expect(log.every((d) => d.status === 'succeeded' && d.attempts === 1 && d.lastStatusCode === 200 && d.lastError === null && d.lastDurationMs !== null)).toBe(true);
    expect(new Set(log.map((d) => d.eventType))).toEqual(new Set(['person.mql', 'person.stage_changed']));
    expect(await deliver()).toMatchObject({ attempted: 0 }); // delivered once, never again
  });

  it('delivers only the event types an endpoint asked for', async () => {
    const { r, id } = await endpointFor(['person.mql']);
    await handRaise();
    await deliver();
    expect(r.received.map((m) => m.type)).toEqual(['person.mql']);
    expect((await deliveries(id)).map((d) => d.eventType)).toEqual(['person.mql']);
  });

  it('retries a failing endpoint on the backoff schedule, then gives up (dead); redelivery starts over', async () => {
    const { r, id } = await endpointFor(['person.mql']);
    r.statuses.push(...Array(8).fill(500));
    await handRaise();
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 8; attempt++) {
      const run = await deliver();
      expect(run.attempted, `attempt ${attempt}`).toBe(1);
      const [d] = await deliveries(id);
      expect(d).toMatchObject({ attempts: attempt, lastStatusCode: 500, lastError: 'HTTP 500: receiver is down' });
      if (attempt < 8) {
        expect(d!.status).toBe('failed');
        const wait = (new Date(d!.nextAttemptAt).getTime() - env.clock.now().getTime()) / 1000;
        waits.push(wait);
        env.clock.advance((wait - 1) * 1000);
        expect((await deliver()).attempted, 'not before it is due').toBe(0);
        env.clock.advance(1000);
      } else {
        expect(d!.status).toBe('dead');
      }
    }
    expect(waits).toEqual([30, 120, 600, 3_600, 21_600, 86_400, 86_400]);
    env.clock.advance(30 * 86_400_000);
    expect((await deliver()).attempted).toBe(0);
    expect(r.received).toHaveLength(8);

    const [dead] = await deliveries(id);
    const again = await env.request('POST', `/api/v1/webhooks/endpoints/${id}/deliveries/${dead!.id}/redeliver`);
    expect(again).toMatchObject({ status: 200, body: { status: 'succeeded', attempts: 1, lastStatusCode: 200, lastError: null } });
    expect(r.received).toHaveLength(9);
    expect(r.received[8]!.headers['webhook-id']).toBe(dead!.eventId);
  });

  it('refuses, at delivery time, a host that now resolves to a private address', async () => {
    const { r, id } = await endpointFor(['person.mql']);
    await handRaise();
    await deliver(false);
    const [d] = await deliveries(id);
    expect(d).toMatchObject({ status: 'failed', attempts: 1, lastStatusCode: null });
    expect(d!.lastError).toMatch(/127\.0\.0\.1 is a loopback address/);
    expect(r.received).toHaveLength(0);
  });

  it('sends a signed test message and reports what the endpoint said', async () => {
    const { r, id, secret } = await endpointFor();
    const ok = await env.request('POST', `/api/v1/webhooks/endpoints/${id}/test`);
    expect(ok).toMatchObject({ status: 200, body: { ok: true, statusCode: 200, error: null } });
    expect(verify(secret, r.received[0]!, env.clock.now())).toMatchObject({ type: 'webhook.test', data: { endpointId: id } });
    r.statuses.push(503);
    const down = await env.request('POST', `/api/v1/webhooks/endpoints/${id}/test`);
    expect(down.body).toMatchObject({ ok: false, statusCode: 503, error: 'HTTP 503: receiver is down' });
    expect(await deliveries(id)).toEqual([]); // not an event: not in the log
  });

  it('signs with the new secret once rotated', async () => {
    const { r, id, secret } = await endpointFor();
    const rotated = await env.request('POST', `/api/v1/webhooks/endpoints/${id}/rotate-secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(secret);
    await env.request('POST', `/api/v1/webhooks/endpoints/${id}/test`);
    expect(verify(rotated.body.secret, r.received[0]!, env.clock.now())).toMatchObject({ type: 'webhook.test' });
    expect(() => verify(secret, r.received[0]!, env.clock.now())).toThrow(/signature/);
  });

  it('gives a paused endpoint no new deliveries, and changes its event types', async () => {
    const { r, id } = await endpointFor(['person.mql']);
    const paused = await env.request('PATCH', `/api/v1/webhooks/endpoints/${id}`, { active: false, eventTypes: ['person.stage_changed'] });
    expect(paused.body).toMatchObject({ active: false, eventTypes: ['person.stage_changed'] });
    await handRaise();
    await deliver();
    expect(r.received).toHaveLength(0);
    expect(await deliveries(id)).toEqual([]);
    expect((await env.request('PATCH', `/api/v1/webhooks/endpoints/${id}`, { eventTypes: ['nope'] })).status).toBe(422);
    expect((await env.request('DELETE', `/api/v1/webhooks/endpoints/${id}`)).status).toBe(204);
    expect((await env.request('GET', `/api/v1/webhooks/endpoints/${id}`)).status).toBe(404);
    endpoints.splice(endpoints.indexOf(id), 1);
  });

  it('are delivered by the job within seconds of the event, not on a per-minute cron', async () => {
    const { r } = await endpointFor(['person.mql']);
    const runner = await startJobRunner({ handle: env.handle, log: createLogger('silent'), clock: env.clock, jobs: [deliverWebhooksJob], config: env.config });
    try {
      await handRaise();
      const deadline = Date.now() + 8_000;
      while (r.received.length === 0 && Date.now() < deadline) await new Promise((res) => setTimeout(res, 100));
      expect(r.received.map((m) => m.type)).toEqual(['person.mql']);
    } finally {
      await runner.stop();
    }
  });
});
