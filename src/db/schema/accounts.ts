import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, numeric, pgTable, text, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { createdAt, id, oneOf, updatedAt } from './helpers.js';
import { users } from './identity.js';
import { ACCOUNT_TIERS } from './vocabulary.js';

export const accounts = pgTable('accounts', {
  id: id(),
  externalId: text('external_id').unique(),
  name: text('name').notNull(),
  industry: text('industry'),
  employeeCount: integer('employee_count'),
  annualRevenue: numeric('annual_revenue', { precision: 16, scale: 2, mode: 'number' }),
  country: text('country'),
  region: text('region'),
  parentId: uuid('parent_id').references((): AnyPgColumn => accounts.id),
  ownerId: uuid('owner_id').references(() => users.id),
  tier: text('tier', { enum: ACCOUNT_TIERS }),
  custom: jsonb('custom').$type<Record<string, unknown>>().notNull().default({}),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  check('accounts_tier_check', oneOf(t.tier, ACCOUNT_TIERS)),
  check('accounts_employee_count_check', sql`${t.employeeCount} >= 0`),
  index('accounts_parent_idx').on(t.parentId),
  index('accounts_owner_idx').on(t.ownerId),
  index('accounts_name_idx').on(sql`lower(${t.name})`),
]);

/** Lead-to-account matching is a primary-key lookup on the e-mail domain. */
export const accountDomains = pgTable('account_domains', {
  domain: text('domain').primaryKey(),
  accountId: uuid('account_id').notNull().references(() => accounts.id, { onDelete: 'cascade' }),
}, (t) => [
  index('account_domains_account_idx').on(t.accountId),
  check('account_domains_lower_check', sql`${t.domain} = lower(${t.domain})`),
]);

export const sites = pgTable('sites', {
  id: id(),
  externalId: text('external_id').unique(),
  accountId: uuid('account_id').notNull().references(() => accounts.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  city: text('city'),
  country: text('country'),
  headcount: integer('headcount'),
  businessUnit: text('business_unit'),
  createdAt: createdAt(),
}, (t) => [index('sites_account_idx').on(t.accountId)]);

/** Free-mail domains never match an account. The list is data, seeded by a migration. */
export const freeMailDomains = pgTable('free_mail_domains', {
  domain: text('domain').primaryKey(),
});

export type AccountRow = typeof accounts.$inferSelect;
export type SiteRow = typeof sites.$inferSelect;
