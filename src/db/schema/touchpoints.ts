import { bigint, boolean, check, index, jsonb, pgTable, text, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { accounts } from './accounts.js';
import { campaigns } from './campaigns.js';
import { createdAt, oneOf, tstz } from './helpers.js';
import { people } from './people.js';
import { CHANNELS, SIDES, TOUCH_KINDS } from './vocabulary.js';

/**
 * Touchpoints are immutable evidence: a trigger refuses UPDATE and DELETE. A correction is a
 * new row that names the row it corrects (`corrects_id`); a retraction is a correction with
 * `retracted = true`. The effective timeline is the set of rows nobody has corrected.
 */
export const touchpoints = pgTable('touchpoints', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  externalId: text('external_id').notNull().unique(),
  occurredAt: tstz('occurred_at').notNull(),
  personId: uuid('person_id').references(() => people.id),
  accountId: uuid('account_id').references(() => accounts.id),
  channel: text('channel', { enum: CHANNELS }).notNull(),
  kind: text('kind', { enum: TOUCH_KINDS }).notNull(),
  campaignId: uuid('campaign_id').references(() => campaigns.id),
  asset: text('asset'),
  side: text('side', { enum: SIDES }).notNull(),
  properties: jsonb('properties').$type<Record<string, unknown>>().notNull().default({}),
  correctsId: bigint('corrects_id', { mode: 'number' }).references((): AnyPgColumn => touchpoints.id),
  retracted: boolean('retracted').notNull().default(false),
  recordedBy: text('recorded_by').notNull(),
  recordedAt: createdAt(),
}, (t) => [
  check('touchpoints_channel_check', oneOf(t.channel, CHANNELS)),
  check('touchpoints_kind_check', oneOf(t.kind, TOUCH_KINDS)),
  check('touchpoints_side_check', oneOf(t.side, SIDES)),
  index('touchpoints_person_idx').on(t.personId, t.occurredAt),
  index('touchpoints_account_idx').on(t.accountId, t.occurredAt),
  index('touchpoints_campaign_idx').on(t.campaignId),
  index('touchpoints_corrects_idx').on(t.correctsId),
  index('touchpoints_occurred_idx').on(t.occurredAt, t.id),
]);

export type TouchpointRow = typeof touchpoints.$inferSelect;
