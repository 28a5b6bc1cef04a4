import { eq, sql } from 'drizzle-orm';
import { emailOutbox } from '../../db/schema/index.js';
import type { Ctx } from '../shared/context.js';
import { absoluteLinks } from './email-links.js';
import type { Mailer } from './mailers.js';
import { EMAIL_RETRIES, nextAttemptAt } from './retry-schedule.js';

export type EmailRules = { mailer: Mailer; from: string; publicUrl: string; batchSize?: number };
export type EmailRun = { attempted: number; sent: number; failed: number; dead: number };

/** A claimed message stays invisible to other workers this long (a crashed worker's claim is retried after it). */
const LEASE_SECONDS = 120;

/**
 * Sends due e-mail from the outbox (pending, or failed and due again), oldest first: claims a small
 * batch in one statement (`FOR UPDATE SKIP LOCKED`, the attempt counted, leased), sends each
 * through the mailer with links made absolute, then records sent, or failed with the next try on
 * the schedule, or dead after the last attempt. Run by the send-emails job every few seconds.
 */
export async function sendDueEmails(ctx: Ctx, rules: EmailRules): Promise<EmailRun> {
  const now = ctx.clock.now();
  const { rows } = await ctx.db.execute<{ id: string; attempts: number; to_address: string; subject: string; body_text: string }>(sql`
    WITH due AS (
      SELECT id FROM email_outbox
      WHERE status IN ('pending', 'failed') AND next_attempt_at <= ${now.toISOString()}::timestamptz
      ORDER BY next_attempt_at, id
      LIMIT ${rules.batchSize ?? 20}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE email_outbox m
    SET attempts = m.attempts + 1, next_attempt_at = ${now.toISOString()}::timestamptz + make_interval(secs => ${LEASE_SECONDS})
    FROM due WHERE m.id = due.id
    RETURNING m.id, m.attempts, m.to_address, m.subject, m.body_text`);
  const run: EmailRun = { attempted: rows.length, sent: 0, failed: 0, dead: 0 };
  for (const m of rows) {
    let error: string | null = null;
    try {
      await rules.mailer.send({ id: m.id, from: rules.from, to: m.to_address, subject: m.subject, text: absoluteLinks(m.body_text, rules.publicUrl) });
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    }
    const at = ctx.clock.now();
    const next = error ? nextAttemptAt(EMAIL_RETRIES, m.attempts, at) : null;
    const status = error ? (next ? 'failed' : 'dead') : 'sent';
    await ctx.db.update(emailOutbox).set({
      status, nextAttemptAt: next ?? at, lastError: error, ...(error ? {} : { sentAt: at }),
    }).where(eq(emailOutbox.id, m.id));
    run[status] += 1;
    if (error) ctx.log.warn({ emailId: m.id, attempts: m.attempts, status, error }, 'e-mail not sent');
  }
  return run;
}
