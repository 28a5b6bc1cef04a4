import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeam } from '../../src/domain/identity/create-team.js';
import { sendWeeklyDigest } from '../../src/domain/reporting/send-weekly-digest.js';
import { createTestEnv, type TestEnv } from '../support/test-app.js';

/** The weekly digest on Monday 2026-06-22: last week's card for each seller and marketer, once. */
let env: TestEnv;
const ids: Record<string, string> = {};
beforeAll(async () => {
  env = await createTestEnv({ now: '2026-06-22T06:30:00Z' });
  const team = await createTeam(env.ctx, { name: 'North', kind: 'sales' });
  for (const [key, role] of [['mia', 'sales_manager'], ['ann', 'sales_rep'], ['sam', 'sdr'], ['mo', 'marketing'], ['eve', 'exec']] as const) {
    ids[key] = (await env.actAs(role, { name: key, ...(role === 'marketing' || role === 'exec' ? {} : { teamId: team.id }) })).user.id;
  }
  const q = env.handle.pool;
  const account = (await q.query<{ id: string }>(`insert into accounts (name) values ('Digest Co') returning id`)).rows[0]!.id;
  await q.query(`insert into opportunities (account_id, name, amount, stage, owner_id, created_at, is_won, closed_at, close_date)
    values ($1, 'Won last week', 12000, 'closed_won', $2, '2026-05-01', true, '2026-06-17T10:00:00Z', '2026-06-17')`, [account, ids.ann]);
  await q.query(`insert into quotas (user_id, starts_on, ends_on, amount) values ($1, '2026-04-01', '2026-06-30', 48000)`, [ids.ann]);
});
afterAll(async () => { await env?.close(); });

describe('the weekly digest', () => {
  it('sends each seller and marketer their card by inbox, e-mail and event, once per week', async () => {
    const first = await sendWeeklyDigest(env.ctx);
    expect(first).toEqual({ week: '2026-06-15', sent: 4, skipped: 0 });
    const again = await sendWeeklyDigest(env.ctx);
    expect(again).toEqual({ week: '2026-06-15', sent: 0, skipped: 4 });
    const q = env.handle.pool;
    const { rows: events } = await q.query(`select subject_id::text as id, data from events where type = 'report.weekly_digest'`);
    expect(events.map((e) => e.id).sort()).toEqual([ids.mia, ids.ann, ids.sam, ids.mo].sort());
    const ann = events.find((e) => e.id === ids.ann)!.data;
    expect(ann.card).toMatchObject({ kind: 'rep', won: [{ currency: 'USD', count: 1, amount: 12000 }] });
    expect(ann.card.attainment.value).toBeCloseTo(0.25); // 12,000 of 48,000, quota to date
    const { rows: mails } = await q.query(`select to_address, subject, body_text from email_outbox where subject like 'Your week in Truce%'`);
    expect(mails).toHaveLength(4);
    const annMail = (await q.query(`select body_text from email_outbox e join users u on u.email = e.to_address where u.id = $1`, [ids.ann])).rows[0]!.body_text as string;
    expect(annMail).toMatch(/attainment 25 %/);
    expect(annMail).toMatch(/Activities logged: 0/);
    const miaMail = (await q.query(`select body_text from email_outbox e join users u on u.email = e.to_address where u.id = $1`, [ids.mia])).rows[0]!.body_text as string;
    expect(miaMail).toMatch(/ann:/);
    expect(miaMail).toMatch(/quota set for this period/); // her own card has no quota, and says so
    const { rows: inbox } = await q.query(`select user_id::text from notifications where type = 'report.weekly_digest'`);
    expect(inbox).toHaveLength(4);
    expect((await q.query(`select count(*)::int as n from forecast_snapshots where quarter = '2026-Q2'`)).rows[0].n).toBe(1);
  });
});
