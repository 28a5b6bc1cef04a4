import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import type { AttributionConfig } from './attribution-settings.js';

/** How far the credit has seen: the last touch id (ids only grow) and the last deal change. */
export type Watermark = { touchId: number; opportunityUpdatedAt: string };

const KEY = 'attribution.watermark';

export async function currentWatermark(db: Database): Promise<Watermark> {
  const { rows: [r] } = await db.execute<{ touch_id: number | null; updated: string | null }>(sql`
    select (select max(id) from touchpoints) as touch_id,
      (select to_char(max(updated_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') from opportunities) as updated`);
  return { touchId: Number(r?.touch_id ?? 0), opportunityUpdatedAt: r?.updated ?? '1970-01-01T00:00:00Z' };
}

export async function savedWatermark(db: Database): Promise<Watermark | null> {
  const { rows: [r] } = await db.execute<{ value: Watermark }>(sql`select value from settings where key = ${KEY}`);
  return r?.value ?? null;
}

export async function saveWatermark(db: Database, mark: Watermark): Promise<void> {
  await db.execute(sql`insert into settings (key, value, updated_at) values (${KEY}, ${JSON.stringify(mark)}::jsonb, now())
    on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at`);
}

/**
 * The deals whose credit may have moved since `mark`: deals edited since (amount, stage, close),
 * and deals of the people (or accounts) with touches recorded since (new touches, corrections,
 * retractions: touch ids only grow). Returns the new watermark to save once they are refreshed.
 */
export async function changedSince(db: Database, config: AttributionConfig, mark: Watermark): Promise<{ opportunityIds: string[]; watermark: Watermark }> {
  const next = await currentWatermark(db);
  const byTouch = config.touchScope === 'account'
    ? sql`select o.id from opportunities o where o.account_id in (select t.account_id from touchpoints t where t.id > ${mark.touchId} and t.id <= ${next.touchId})`
    : sql`select oc.opportunity_id from opportunity_contacts oc where oc.person_id in (select t.person_id from touchpoints t where t.id > ${mark.touchId} and t.id <= ${next.touchId})`;
  const { rows } = await db.execute<{ id: string }>(sql`
    select id from opportunities where updated_at > ${mark.opportunityUpdatedAt}::timestamptz
    union ${byTouch}`);
  return { opportunityIds: rows.map((r) => r.id), watermark: next };
}
