import { inArray } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { emailOutbox, notifications, users } from '../../db/schema/index.js';
import type { EventType } from '../../db/schema/vocabulary.js';

export type Notice = {
  userId: string;
  type: EventType;
  title: string;
  body?: string;
  /** Path in the web app, e.g. `/people/<id>`. */
  link?: string;
  eventId?: number;
  /** Also send it by e-mail (through the outbox). */
  email?: boolean;
};

/**
 * Puts notices in the recipients' in-app inboxes and, when asked, their e-mail in the outbox, in
 * the caller's transaction (a job sends the e-mail later; nothing is lost if the process dies).
 * Disabled users get nothing.
 */
export async function notifyUsers(db: Database, notices: Notice[], now: Date): Promise<void> {
  if (notices.length === 0) return;
  const ids = [...new Set(notices.map((n) => n.userId))];
  const recipients = await db.select({ id: users.id, email: users.email, active: users.active }).from(users).where(inArray(users.id, ids));
  const byId = new Map(recipients.filter((r) => r.active).map((r) => [r.id, r]));
  const live = notices.filter((n) => byId.has(n.userId));
  if (live.length === 0) return;
  await db.insert(notifications).values(live.map((n) => ({
    userId: n.userId, type: n.type, title: n.title, body: n.body ?? null, link: n.link ?? null, eventId: n.eventId ?? null, createdAt: now,
  })));
  const mails = live.filter((n) => n.email);
  if (mails.length) {
    await db.insert(emailOutbox).values(mails.map((n) => ({
      toAddress: byId.get(n.userId)!.email,
      subject: n.title,
      bodyText: [n.body ?? '', n.link ? `\nOpen in Truce: ${n.link}` : ''].join('').trim(),
      eventId: n.eventId ?? null,
      nextAttemptAt: now,
      createdAt: now,
    })));
  }
}
