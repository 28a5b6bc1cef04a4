import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';

/**
 * A sales touch on a person who has a live hand-off is its first touch (if none yet), so the
 * queue shows time to first touch at once and the SLA sweep finds no breach to record.
 */
export async function recordFirstTouch(db: Database, personId: string, at: Date): Promise<void> {
  await db.execute(sql`update handoffs set first_touch_at = ${at}::timestamptz
    where person_id = ${personId}::uuid and status in ('open', 'accepted') and first_touch_at is null and assigned_at <= ${at}::timestamptz`);
}
