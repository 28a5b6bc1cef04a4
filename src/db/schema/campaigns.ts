import { check, date, index, numeric, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt, id, oneOf, updatedAt } from './helpers.js';
import { users } from './identity.js';
import { CAMPAIGN_TYPES, CHANNELS } from './vocabulary.js';

export const campaigns = pgTable('campaigns', {
  id: id(),
  externalId: text('external_id').unique(),
  name: text('name').notNull(),
  type: text('type', { enum: CAMPAIGN_TYPES }).notNull(),
  channel: text('channel', { enum: CHANNELS }).notNull(),
  startsOn: date('starts_on', { mode: 'string' }),
  endsOn: date('ends_on', { mode: 'string' }),
  budget: numeric('budget', { precision: 14, scale: 2, mode: 'number' }),
  actualCost: numeric('actual_cost', { precision: 14, scale: 2, mode: 'number' }),
  currency: text('currency').notNull().default('USD'),
  ownerId: uuid('owner_id').references(() => users.id),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  check('campaigns_type_check', oneOf(t.type, CAMPAIGN_TYPES)),
  check('campaigns_channel_check', oneOf(t.channel, CHANNELS)),
  check('campaigns_dates_check', sql`${t.endsOn} is null or ${t.startsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
  check('campaigns_money_check', sql`coalesce(${t.budget}, 0) >= 0 and coalesce(${t.actualCost}, 0) >= 0`),
  index('campaigns_owner_idx').on(t.ownerId),
]);

export type CampaignRow = typeof campaigns.$inferSelect;
