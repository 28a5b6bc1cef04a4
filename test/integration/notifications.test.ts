import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailDirectory, loadConfig } from '../../src/config.js';
import { listNotifications } from '../../src/domain/notifications/list-notifications.js';
import { fileMailer, type Mail, type Mailer } from '../../src/domain/notifications/mailers.js';
import { notifyUsers } from '../../src/domain/notifications/notify-users.js';
import { sendDueEmails } from '../../src/domain/notifications/send-due-emails.js';
import { defineJob } from '../../src/jobs/job.js';
import { startJobRunner } from '../../src/jobs/job-runner.js';
import { createLogger } from '../../src/logger.js';
import { createTestEnv, type TestEnv } from '../support/test-app.js';

let env: TestEnv;
let mailDir: string;
beforeAll(async () => {
  env = await createTestEnv();
  mailDir = mkdtempSync(path.join(os.tmpdir(), 'truce-mail-test-'));
});
afterAll(async () => {
  await env?.close();
  rmSync(mailDir, { recursive: true, force: true });
});

async function notify(userId: string, title: string, email = false) {
  await env.ctx.db.transaction((tx) => notifyUsers(tx, [{ userId, type: 'handoff.assigned', title, body: `${title}, details`, link: `/people/${title.length}`, email }], env.clock.now()));
}

async function outbox() {
  const { rows } = await env.ctx.db.execute<{ id: string; status: string; attempts: number; last_error: string | null; next_attempt_at: Date; subject: string }>(sql`
    select id, status, attempts, last_error, next_attempt_at, subject from email_outbox order by created_at, id`);
  return rows;
}

describe('the in-app inbox', () => {
  it('lists your own notices with the unread count, and marks one or all read', async () => {
    const sdr = await env.actAs('sdr');
    const rep = await env.actAs('sales_rep');
    await notify(sdr.user.id, 'Lead one');
    env.clock.advance(1000);
    await notify(sdr.user.id, 'Lead two');
    await notify(rep.user.id, 'Not yours');

    const inbox = await sdr.request('GET', '/api/v1/notifications');
    expect(inbox.status).toBe(200);
    expect(inbox.body).toMatchObject({ unreadCount: 2, nextCursor: null });
    expect(inbox.body.data.map((x: { title: string }) => x.title)).toEqual(['Lead two', 'Lead one']);
    expect(inbox.body.data[0]).toMatchObject({ type: 'handoff.assigned', link: '/people/8', readAt: null });

    const theirs = (await rep.request('GET', '/api/v1/notifications')).body.data[0].id;
    expect((await sdr.request('POST', `/api/v1/notifications/${theirs}/read`)).status).toBe(404);

    const first = inbox.body.data[1].id;
    const read = await sdr.request('POST', `/api/v1/notifications/${first}/read`);
    expect(read.body.readAt).toBe(env.clock.now().toISOString());
    const after = await sdr.request('GET', '/api/v1/notifications?unread=true');
    expect(after.body).toMatchObject({ unreadCount: 1, data: [{ title: 'Lead two' }] });

    expect((await sdr.request('POST', '/api/v1/notifications/read-all')).body).toEqual({ marked: 1 });
    expect((await sdr.request('GET', '/api/v1/notifications')).body.unreadCount).toBe(0);
    expect((await rep.request('GET', '/api/v1/notifications')).body.unreadCount).toBe(1);
  });

  it('pages with a cursor', async () => {
    const sdr = await env.actAs('sdr');
    for (const t of ['a', 'b', 'c']) { env.clock.advance(1000); await notify(sdr.user.id, t); }
    const page1 = await sdr.request('GET', '/api/v1/notifications?limit=2');
    expect(page1.body.data.map((x: { title: string }) => x.title)).toEqual(['c', 'b']);
    const page2 = await sdr.request('GET', `/api/v1/notifications?limit=2&cursor=${page1.body.nextCursor}`);
    expect(page2.body).toMatchObject({ data: [{ title: 'a' }], nextCursor: null, unreadCount: 3 });
  });

  it('needs a user: the system principal has no inbox, and no credentials is 401', async () => {
    await expect(listNotifications(env.ctx, { unread: false }, { limit: 10, sort: 'createdAt', order: 'desc' })).rejects.toMatchObject({ code: 'forbidden' });
    expect((await env.request('GET', '/api/v1/notifications', undefined, { authorization: '' })).status).toBe(401);
  });
});

describe('e-mail', () => {
  it('writes each due message to the file sink as an .eml, with absolute links, once', async () => {
    const sdr = await env.actAs('sdr', { email: 'sdr-mail@test.example' });
    await notify(sdr.user.id, 'Mail me', true);
    const mailer = fileMailer(mailDir);
    const run = await sendDueEmails(env.ctx, { mailer, from: 'Truce <truce@test.example>', publicUrl: 'https://truce.example.com' });
    expect(run).toEqual({ attempted: 1, sent: 1, failed: 0, dead: 0 });
    const files = readdirSync(mailDir);
    expect(files).toHaveLength(1);
    const eml = readFileSync(path.join(mailDir, files[0]!), 'utf8');
    expect(eml).toMatch(/^To: sdr-mail@test\.example$/m);
    expect(eml).toMatch(/^Subject: Mail me$/m);
    expect(eml).toContain('Open in Truce: https://truce.example.com/people/7');
    const [row] = (await outbox()).filter((m) => m.subject === 'Mail me');
    expect(row).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
    expect(await sendDueEmails(env.ctx, { mailer, from: 'x@y', publicUrl: 'http://localhost:3000' })).toMatchObject({ attempted: 0 });
  });

  it('retries a failing mail server with backoff and gives up after the 6th attempt', async () => {
    const sdr = await env.actAs('sdr');
    await notify(sdr.user.id, 'Flaky', true);
    const tried: Mail[] = [];
    const down: Mailer = { kind: 'smtp', send: async (m) => { tried.push(m); throw new Error('connect ECONNREFUSED'); }, close: () => {} };
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 6; attempt++) {
      expect((await sendDueEmails(env.ctx, { mailer: down, from: 'x@y', publicUrl: 'http://localhost:3000' })).attempted).toBe(1);
      const row = (await outbox()).find((m) => m.subject === 'Flaky')!;
      expect(row).toMatchObject({ attempts: attempt, last_error: 'connect ECONNREFUSED', status: attempt < 6 ? 'failed' : 'dead' });
      const wait = (new Date(row.next_attempt_at).getTime() - env.clock.now().getTime()) / 1000;
      if (attempt < 6) waits.push(wait);
      env.clock.advance(wait * 1000);
    }
    expect(waits).toEqual([60, 300, 1_800, 7_200, 43_200]);
    env.clock.advance(7 * 86_400_000);
    expect((await sendDueEmails(env.ctx, { mailer: down, from: 'x@y', publicUrl: 'http://localhost:3000' })).attempted).toBe(0);
    expect(tried).toHaveLength(6);
  });

  it('puts the file sink in TRUCE_MAIL_DIR, else <data dir>/outbox, else (in memory) a temporary folder', () => {
    expect(mailDirectory(loadConfig({ TRUCE_MAIL_DIR: '/srv/mail' }))).toBe('/srv/mail');
    expect(mailDirectory(loadConfig({ TRUCE_DATA_DIR: '/srv/truce' }))).toBe('/srv/truce/outbox');
    expect(mailDirectory(loadConfig({ TRUCE_MEMORY: '1' }))).toContain(os.tmpdir());
  });
});

describe('ticking jobs (everySeconds)', () => {
  it('run every few seconds without a queue, never overlap, survive a failed tick, and stop', async () => {
    let calls = 0;
    let running = 0;
    let overlapped = false;
    const seenNow: string[] = [];
    const job = defineJob({
      name: 'test-tick',
      everySeconds: 0.2,
      handler: async (ctx, _data, { config }) => {
        calls += 1;
        if (running > 0) overlapped = true;
        running += 1;
        seenNow.push(ctx.clock.now().toISOString());
        expect(config.publicUrl).toBe('http://localhost:3000');
        await new Promise((r) => setTimeout(r, 300)); // longer than the interval
        running -= 1;
        if (calls === 2) throw new Error('one bad tick');
      },
    });
    const runner = await startJobRunner({ handle: env.handle, log: createLogger('silent'), clock: env.clock, jobs: [job], config: env.config });
    try {
      const deadline = Date.now() + 5_000;
      while (calls < 4 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(calls).toBeGreaterThanOrEqual(4); // the failed 2nd tick did not stop the 3rd and 4th
      expect(overlapped).toBe(false);
      expect(new Set(seenNow)).toEqual(new Set([env.clock.now().toISOString()]));
      expect(await runner.boss.getQueue('test-tick')).toBeNull();
      expect(await runner.send('test-tick', {})).toBeNull();
    } finally {
      await runner.stop();
    }
    const atStop = calls;
    await new Promise((r) => setTimeout(r, 500));
    expect(calls).toBe(atStop);
  });

  it('refuses everySeconds together with a cron schedule', async () => {
    const job = defineJob({ name: 'test-both', everySeconds: 5, schedule: '* * * * *', handler: async () => {} });
    await expect(startJobRunner({ handle: env.handle, log: createLogger('silent'), jobs: [job] })).rejects.toThrow(/everySeconds/);
  });
});
