import { sql } from 'drizzle-orm';
import { check, date, index, integer, numeric, pgTable, primaryKey, smallint, text, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, oneOf, tstz, updatedAt } from './helpers.js';
import { users } from './identity.js';
import { people } from './people.js';

/**
 * Keeping score (docs/reporting.md): the waterfall's episodes (maintained by a trigger from the
 * lifecycle history), quotas, the shared revenue goal, forecast snapshots and the alignment survey.
 */

/**
 * One pass of a person through the funnel: the first from their first transition, a new one at
 * every re-entry. When the pass first entered each stage, and the ranks of the first and last
 * funnel stage it entered (subscriber = 0 … evangelist = 7). Written only by the trigger on
 * `stage_transitions` (migration `reporting_funnel`): the waterfall reads it instead of the history.
 */
export const funnelEpisodes = pgTable('funnel_episodes', {
  personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  episode: integer('episode').notNull(),
  startedAt: tstz('started_at').notNull(),
  subscriberAt: tstz('subscriber_at'),
  leadAt: tstz('lead_at'),
  mqlAt: tstz('mql_at'),
  salAt: tstz('sal_at'),
  sqlAt: tstz('sql_at'),
  opportunityAt: tstz('opportunity_at'),
  customerAt: tstz('customer_at'),
  evangelistAt: tstz('evangelist_at'),
  firstRank: smallint('first_rank'),
  lastRank: smallint('last_rank'),
}, (t) => [
  primaryKey({ columns: [t.personId, t.episode] }),
  index('funnel_episodes_started_idx').on(t.startedAt),
]);

/** A seller's quota for a period (inclusive dates), set by their manager. One per person and start. */
export const quotas = pgTable('quotas', {
  id: id(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  startsOn: date('starts_on', { mode: 'string' }).notNull(),
  endsOn: date('ends_on', { mode: 'string' }).notNull(),
  amount: numeric('amount', { precision: 14, scale: 2, mode: 'number' }).notNull(),
  currency: text('currency').notNull().default('USD'),
  setBy: uuid('set_by').references(() => users.id),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  unique('quotas_user_start').on(t.userId, t.startsOn),
  check('quotas_amount_check', sql`${t.amount} >= 0`),
  check('quotas_dates_check', sql`${t.endsOn} >= ${t.startsOn}`),
  check('quotas_currency_check', sql`${t.currency} ~ '^[A-Z]{3}$'`),
  index('quotas_period_idx').on(t.startsOn, t.endsOn),
]);

/** The revenue goal both teams commit to, per period (inclusive dates) and currency. */
export const revenueGoals = pgTable('revenue_goals', {
  id: id(),
  startsOn: date('starts_on', { mode: 'string' }).notNull(),
  endsOn: date('ends_on', { mode: 'string' }).notNull(),
  amount: numeric('amount', { precision: 14, scale: 2, mode: 'number' }).notNull(),
  currency: text('currency').notNull().default('USD'),
  note: text('note'),
  setBy: uuid('set_by').references(() => users.id),
  salesCommittedBy: uuid('sales_committed_by').references(() => users.id),
  salesCommittedAt: tstz('sales_committed_at'),
  marketingCommittedBy: uuid('marketing_committed_by').references(() => users.id),
  marketingCommittedAt: tstz('marketing_committed_at'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  unique('revenue_goals_period').on(t.startsOn, t.currency),
  check('revenue_goals_amount_check', sql`${t.amount} >= 0`),
  check('revenue_goals_dates_check', sql`${t.endsOn} >= ${t.startsOn}`),
  check('revenue_goals_currency_check', sql`${t.currency} ~ '^[A-Z]{3}$'`),
]);

/** What the forecast said about a quarter on a day: the weekly digest keeps one, so accuracy can be judged later. */
export const forecastSnapshots = pgTable('forecast_snapshots', {
  quarter: text('quarter').notNull(),
  takenOn: date('taken_on', { mode: 'string' }).notNull(),
  currency: text('currency').notNull(),
  won: numeric('won', { precision: 16, scale: 2, mode: 'number' }).notNull(),
  weighted: numeric('weighted', { precision: 16, scale: 2, mode: 'number' }).notNull(),
  commit: numeric('commit', { precision: 16, scale: 2, mode: 'number' }).notNull(),
  bestCase: numeric('best_case', { precision: 16, scale: 2, mode: 'number' }).notNull(),
  createdAt: createdAt(),
}, (t) => [primaryKey({ columns: [t.quarter, t.takenOn, t.currency] })]);

export const SURVEY_SIDES = ['sales', 'marketing'] as const;

/** One member's answers to the 20-statement alignment diagnostic, for one quarter (`2026-Q4`). */
export const alignmentResponses = pgTable('alignment_responses', {
  id: id(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  side: text('side', { enum: SURVEY_SIDES }).notNull(),
  quarter: text('quarter').notNull(),
  /** Twenty ratings 1–5, in the order of the statements. */
  ratings: smallint('ratings').array().notNull(),
  total: smallint('total').notNull(),
  answeredAt: tstz('answered_at').notNull(),
}, (t) => [
  unique('alignment_responses_user_quarter').on(t.userId, t.quarter),
  check('alignment_responses_side_check', oneOf(t.side, SURVEY_SIDES)),
  check('alignment_responses_ratings_check', sql`cardinality(${t.ratings}) = 20 and 1 <= all(${t.ratings}) and 5 >= all(${t.ratings})`),
  check('alignment_responses_total_check', sql`${t.total} between 20 and 100`),
  index('alignment_responses_quarter_idx').on(t.quarter),
]);

export type QuotaRow = typeof quotas.$inferSelect;
