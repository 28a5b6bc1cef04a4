import { eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { events, webhookDeliveries, webhookEndpoints } from '../../db/schema/index.js';
import type { Clock } from '../shared/clock.js';
import { nextAttemptAt, WEBHOOK_RETRIES } from '../notifications/retry-schedule.js';
import { postWebhook, type PostResult } from './post-webhook.js';

export type DeliveryRules = {
  /** Private, loopback, link-local and unique-local addresses allowed (TRUCE_WEBHOOKS_ALLOW_PRIVATE). */
  allowPrivate: boolean;
  /** Per attempt (default 10 s). */
  timeoutMs?: number;
};

/** A claimed delivery stays invisible to other workers this long; past it, a crashed worker's claim is retried. */
export const CLAIM_LEASE_SECONDS = 120;

export type Claimed = { id: string; attempts: number };
export type AttemptOutcome = { id: string; status: 'succeeded' | 'failed' | 'dead'; result: PostResult };

/**
 * Sends claimed deliveries (attempts already counted by the claim), in parallel, then records each
 * outcome: 2xx succeeded; otherwise failed with the next try on the retry schedule, or dead after
 * the last attempt. Status code, error and duration are kept for the delivery log.
 */
export async function attemptDeliveries(db: Database, clock: Clock, claimed: Claimed[], rules: DeliveryRules): Promise<AttemptOutcome[]> {
  if (claimed.length === 0) return [];
  const rows = await db.select({
    id: webhookDeliveries.id,
    url: webhookEndpoints.url,
    secret: webhookEndpoints.secret,
    eventId: events.eventId,
    type: events.type,
    occurredAt: events.occurredAt,
    data: events.data,
  }).from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .innerJoin(events, eq(events.id, webhookDeliveries.eventId))
    .where(inArray(webhookDeliveries.id, claimed.map((c) => c.id)));
  const attemptsOf = new Map(claimed.map((c) => [c.id, c.attempts]));
  return Promise.all(rows.map(async (row): Promise<AttemptOutcome> => {
    const result = await postWebhook(row.url, row.secret, { id: row.eventId, type: row.type, timestamp: row.occurredAt, data: row.data }, {
      allowPrivate: rules.allowPrivate, now: clock.now(), ...(rules.timeoutMs ? { timeoutMs: rules.timeoutMs } : {}),
    });
    const now = clock.now();
    const attempts = attemptsOf.get(row.id)!;
    const next = result.ok ? null : nextAttemptAt(WEBHOOK_RETRIES, attempts, now);
    const status = result.ok ? 'succeeded' : next ? 'failed' : 'dead';
    await db.update(webhookDeliveries).set({
      status,
      nextAttemptAt: next ?? now,
      lastStatusCode: result.statusCode,
      lastError: result.error,
      lastDurationMs: result.durationMs,
      ...(result.ok ? { deliveredAt: now } : {}),
    }).where(eq(webhookDeliveries.id, row.id));
    return { id: row.id, status, result };
  }));
}
