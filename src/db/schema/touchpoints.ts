import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, oneOf, tstz } from './helpers.js';
import { CHANNELS, SIDES, TOUCH_KINDS } from './vocabulary.js';

/**
 * Touchpoints are immutable evidence: a trigger refuses UPDATE and DELETE. A correction is a
 * new row that names the row it corrects (`corrects_id`); a retraction is a correction with
 * `retracted = true`. The effective timeline is the set of rows nobody has corrected.
 *
 * The references (person, account, campaign, the corrected touch) carry no foreign-key constraints: capture
 * validates them before writing, nothing is ever deleted from the tables they point to, and the
 * per-row checks cost a quarter of capture time on PGlite. On a distributed PostgreSQL, touches
 * are sharded by account_id and cross-shard foreign keys are not available anyway.
 */
export const touchpoints = pgTable('touchpoints', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  // COLLATE "C" (migration 0017: byte-wise comparisons for the unique index capture checks per touch;
  // drizzle does not model collations).
  externalId: text('external_id').notNull().unique(),
  occurredAt: tstz('occurred_at').notNull(),
  personId: uuid('person_id'),
  accountId: uuid('account_id'),
  channel: text('channel', { enum: CHANNELS }).notNull(),
  kind: text('kind', { enum: TOUCH_KINDS }).notNull(),
  campaignId: uuid('campaign_id'),
  asset: text('asset'),
  side: text('side', { enum: SIDES }).notNull(),
  properties: jsonb('properties').$type<Record<string, unknown>>().notNull().default({}),
  // No foreign key: correctTouchpoint reads the touch it corrects in its transaction (touches are
  // never deleted), and the key's per-row check was queued for every inserted touch, NULL or not.
  correctsId: bigint('corrects_id', { mode: 'number' }),
  retracted: boolean('retracted').notNull().default(false),
  recordedBy: text('recorded_by').notNull(),
  recordedAt: createdAt(),
}, (t) => [
  check('touchpoints_channel_check', oneOf(t.channel, CHANNELS)),
  check('touchpoints_kind_check', oneOf(t.kind, TOUCH_KINDS)),
  check('touchpoints_side_check', oneOf(t.side, SIDES)),
  index('touchpoints_person_idx').on(t.personId, t.occurredAt),
  index('touchpoints_account_idx').on(t.accountId, t.occurredAt),
  index('touchpoints_campaign_idx').on(t.campaignId).where(sql`${t.campaignId} is not null`),
  index('touchpoints_corrects_idx').on(t.correctsId).where(sql`${t.correctsId} is not null`),
  index('touchpoints_occurred_idx').on(t.occurredAt, t.id),
]);

export type TouchpointRow = typeof touchpoints.$inferSelect;
