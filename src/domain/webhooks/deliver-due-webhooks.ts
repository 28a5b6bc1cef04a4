import { sql } from 'drizzle-orm';
import type { Ctx } from '../shared/context.js';
import { attemptDeliveries, CLAIM_LEASE_SECONDS, type DeliveryRules } from './attempt-deliveries.js';

export type DeliveryRun = { attempted: number; succeeded: number; failed: number; dead: number };

/**
 * Works the due deliveries (pending, or failed and due again, of active endpoints), oldest first,
 * in small batches: each batch is claimed in one statement (`FOR UPDATE SKIP LOCKED`, the
 * attempt counted, a lease so other workers skip it), sent in parallel outside any transaction,
 * and its outcomes recorded. Run by the deliver-webhooks job every few seconds; safe on several
 * nodes at once. Stops after `maxBatches` so one run stays short.
 */
export async function deliverDueWebhooks(ctx: Ctx, rules: DeliveryRules & { batchSize?: number; maxBatches?: number }): Promise<DeliveryRun> {
  const batchSize = rules.batchSize ?? 20;
  const run: DeliveryRun = { attempted: 0, succeeded: 0, failed: 0, dead: 0 };
  for (let batch = 0; batch < (rules.maxBatches ?? 5); batch++) {
    const now = ctx.clock.now();
    const { rows } = await ctx.db.execute<{ id: string; attempts: number }>(sql`
      WITH due AS (
        SELECT d.id FROM webhook_deliveries d
        WHERE d.status IN ('pending', 'failed') AND d.next_attempt_at <= ${now.toISOString()}::timestamptz
          AND EXISTS (SELECT 1 FROM webhook_endpoints w WHERE w.id = d.endpoint_id AND w.active)
        ORDER BY d.next_attempt_at, d.id
        LIMIT ${batchSize}
        FOR UPDATE OF d SKIP LOCKED
      )
      UPDATE webhook_deliveries d
      SET attempts = d.attempts + 1, last_attempt_at = ${now.toISOString()}::timestamptz,
          next_attempt_at = ${now.toISOString()}::timestamptz + make_interval(secs => ${CLAIM_LEASE_SECONDS})
      FROM due WHERE d.id = due.id
      RETURNING d.id, d.attempts`);
    if (rows.length === 0) break;
    const outcomes = await attemptDeliveries(ctx.db, ctx.clock, rows, rules);
    run.attempted += outcomes.length;
    for (const o of outcomes) run[o.status] += 1;
    if (outcomes.some((o) => o.status !== 'succeeded')) {
      ctx.log.warn({ failures: outcomes.filter((o) => o.status !== 'succeeded').map((o) => ({ id: o.id, status: o.status, error: o.result.error })) }, 'webhook deliveries failed');
    }
    if (rows.length < batchSize) break;
  }
  return run;
}
