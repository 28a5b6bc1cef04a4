import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts, sites } from './accounts.js';
import { createdAt, id, oneOf, tstz, updatedAt } from './helpers.js';
import { users } from './identity.js';
import { ACTOR_TYPES, BUYING_ROLES, CHANNELS, CONSENT_STATUSES, LIFECYCLE_STAGES, SENIORITIES, SOURCES } from './vocabulary.js';

/** Leads and contacts are one record in different lifecycle stages. */
export const people = pgTable('people', {
  id: id(),
  externalId: text('external_id'),
  email: text('email').notNull().unique(),
  firstName: text('first_name'),
  lastName: text('last_name'),
  title: text('title'),
  seniority: text('seniority', { enum: SENIORITIES }),
  buyingRole: text('buying_role', { enum: BUYING_ROLES }),
  phone: text('phone'),
  companyName: text('company_name'),
  country: text('country'),
  region: text('region'),
  consentStatus: text('consent_status', { enum: CONSENT_STATUSES }).notNull().default('unknown'),
  consentAt: tstz('consent_at'),
  consentSource: text('consent_source'),
  originalSource: text('original_source', { enum: SOURCES }),
  originalChannel: text('original_channel', { enum: CHANNELS }),
  lifecycleStage: text('lifecycle_stage', { enum: LIFECYCLE_STAGES }).notNull().default('lead'),
  ownerId: uuid('owner_id').references(() => users.id),
  accountId: uuid('account_id').references(() => accounts.id),
  siteId: uuid('site_id').references(() => sites.id),
  custom: jsonb('custom').$type<Record<string, unknown>>().notNull().default({}),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  check('people_email_lower_check', sql`${t.email} = lower(${t.email})`),
  check('people_seniority_check', oneOf(t.seniority, SENIORITIES)),
  check('people_buying_role_check', oneOf(t.buyingRole, BUYING_ROLES)),
  check('people_consent_check', oneOf(t.consentStatus, CONSENT_STATUSES)),
  check('people_source_check', oneOf(t.originalSource, SOURCES)),
  check('people_channel_check', oneOf(t.originalChannel, CHANNELS)),
  check('people_stage_check', oneOf(t.lifecycleStage, LIFECYCLE_STAGES)),
  index('people_account_idx').on(t.accountId),
  // Partial: most people have no external id and no owner when captured, and every NULL entry was
  // an index insert at the same right edge for each new person (docs/bench.md, "Warm-up apart, partial people indexes").
  uniqueIndex('people_external_id_unique').on(t.externalId).where(sql`${t.externalId} is not null`),
  index('people_owner_idx').on(t.ownerId).where(sql`${t.ownerId} is not null`),
  index('people_stage_idx').on(t.lifecycleStage),
  index('people_created_idx').on(t.createdAt, t.id),
]);

/** Every lifecycle transition, with time, actor and reason: the waterfall is computed from this. */
export const stageTransitions = pgTable('stage_transitions', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  fromStage: text('from_stage', { enum: LIFECYCLE_STAGES }),
  toStage: text('to_stage', { enum: LIFECYCLE_STAGES }).notNull(),
  occurredAt: tstz('occurred_at').notNull(),
  actorType: text('actor_type', { enum: ACTOR_TYPES }).notNull(),
  actorId: text('actor_id'),
  reason: text('reason'),
  isReentry: boolean('is_reentry').notNull().default(false),
  /** The scoring model whose score caused the move (an MQL by score or hand-raise), if any. */
  modelId: uuid('model_id'),
  recordedAt: createdAt(),
}, (t) => [
  check('stage_transitions_to_check', oneOf(t.toStage, LIFECYCLE_STAGES)),
  check('stage_transitions_from_check', oneOf(t.fromStage, LIFECYCLE_STAGES)),
  index('stage_transitions_person_idx').on(t.personId, t.occurredAt),
  index('stage_transitions_stage_idx').on(t.toStage, t.occurredAt),
]);

export type PersonRow = typeof people.$inferSelect;
