import { sql } from 'drizzle-orm';
import { boolean, check, date, index, jsonb, numeric, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts.js';
import { id, oneOf, tstz, updatedAt } from './helpers.js';
import { users } from './identity.js';
import { people } from './people.js';
import { BUYING_ROLES, OPPORTUNITY_STAGES } from './vocabulary.js';

export const opportunities = pgTable('opportunities', {
  id: id(),
  externalId: text('external_id').unique(),
  accountId: uuid('account_id').notNull().references(() => accounts.id),
  name: text('name').notNull(),
  amount: numeric('amount', { precision: 14, scale: 2, mode: 'number' }).notNull().default(0),
  currency: text('currency').notNull().default('USD'),
  stage: text('stage', { enum: OPPORTUNITY_STAGES }).notNull().default('discovery'),
  ownerId: uuid('owner_id').references(() => users.id),
  /** When the deal was created in the business (imports keep history), not when the row was written. */
  createdAt: tstz('created_at').notNull().defaultNow(),
  closeDate: date('close_date', { mode: 'string' }),
  closedAt: tstz('closed_at'),
  isWon: boolean('is_won'),
  lostReason: text('lost_reason'),
  custom: jsonb('custom').$type<Record<string, unknown>>().notNull().default({}),
  updatedAt: updatedAt(),
}, (t) => [
  check('opportunities_stage_check', oneOf(t.stage, OPPORTUNITY_STAGES)),
  check('opportunities_amount_check', sql`${t.amount} >= 0`),
  check('opportunities_currency_check', sql`${t.currency} ~ '^[A-Z]{3}$'`),
  check('opportunities_closed_check', sql`(${t.isWon} is null) = (${t.closedAt} is null)`),
  index('opportunities_account_idx').on(t.accountId),
  index('opportunities_owner_idx').on(t.ownerId),
  index('opportunities_created_idx').on(t.createdAt, t.id),
]);

export const opportunityContacts = pgTable('opportunity_contacts', {
  opportunityId: uuid('opportunity_id').notNull().references(() => opportunities.id, { onDelete: 'cascade' }),
  personId: uuid('person_id').notNull().references(() => people.id),
  role: text('role', { enum: BUYING_ROLES }).notNull(),
}, (t) => [
  primaryKey({ columns: [t.opportunityId, t.personId] }),
  check('opportunity_contacts_role_check', oneOf(t.role, BUYING_ROLES)),
  index('opportunity_contacts_person_idx').on(t.personId),
]);

export type OpportunityRow = typeof opportunities.$inferSelect;
