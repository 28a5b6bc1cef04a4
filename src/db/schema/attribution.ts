import { sql } from 'drizzle-orm';
import { bigint, boolean, check, customType, date, doublePrecision, index, integer, jsonb, numeric, pgTable, primaryKey, smallint, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, oneOf, tstz, updatedAt } from './helpers.js';
import { teams, users } from './identity.js';
import { opportunities } from './opportunities.js';
import { SOURCES } from './vocabulary.js';

/** The attribution models, in the order their credit is packed per touch (docs/attribution.md). */
export const ATTRIBUTION_MODELS = [
  'first_touch', 'lead_creation', 'last_touch', 'linear', 'u_shaped', 'w_shaped', 'full_path', 'time_decay', 'custom',
  'markov', 'shapley',
] as const;
export type AttributionModel = (typeof ATTRIBUTION_MODELS)[number];

/** Which touches count for a deal: those of its contact roles, or of everyone at its account. */
export const TOUCH_SCOPES = ['contact_roles', 'account'] as const;
export type TouchScope = (typeof TOUCH_SCOPES)[number];

export const CREDIT_STAGES = ['pipeline', 'revenue'] as const;
export type CreditStage = (typeof CREDIT_STAGES)[number];

/** What a report groups credit by. */
export const CREDIT_DIMENSIONS = ['channel', 'campaign', 'asset', 'team', 'side'] as const;
export type CreditDimension = (typeof CREDIT_DIMENSIONS)[number];

export const RUN_STATUSES = ['running', 'completed', 'failed'] as const;
export const DISPUTE_STATUSES = ['open', 'upheld', 'rejected', 'withdrawn'] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];

/** Percent per milestone for the custom model; they sum to 100. */
export type CustomWeights = { ft: number; lc: number; oc: number; cw: number; between: number };

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/** One row (id = 1): the settings every computation uses. */
export const attributionSettings = pgTable('attribution_settings', {
  id: smallint('id').primaryKey().default(1),
  lookbackDays: integer('lookback_days').notNull().default(365),
  touchScope: text('touch_scope', { enum: TOUCH_SCOPES }).notNull().default('contact_roles'),
  halfLifeDays: doublePrecision('half_life_days').notNull().default(7),
  customWeights: jsonb('custom_weights').$type<CustomWeights>().notNull().default({ ft: 25, lc: 25, oc: 25, cw: 15, between: 10 }),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: updatedAt(),
}, (t) => [
  check('attribution_settings_single_check', sql`${t.id} = 1`),
  check('attribution_settings_lookback_check', sql`${t.lookbackDays} between 1 and 3650`),
  check('attribution_settings_half_life_check', sql`${t.halfLifeDays} > 0`),
  check('attribution_settings_scope_check', oneOf(t.touchScope, TOUCH_SCOPES)),
]);

/** A full recompute (the background job) or an incremental refresh, with its progress and timings. */
export const attributionRuns = pgTable('attribution_runs', {
  id: id(),
  kind: text('kind', { enum: ['full', 'incremental'] }).notNull(),
  status: text('status', { enum: RUN_STATUSES }).notNull().default('running'),
  step: text('step').notNull().default('starting'),
  done: integer('done').notNull().default(0),
  total: integer('total').notNull().default(0),
  /** Channel shares of the data-driven models (Markov removal effects, Shapley values) and the chain's figures. */
  dataDriven: jsonb('data_driven').$type<Record<string, unknown>>(),
  timings: jsonb('timings').$type<Record<string, number>>().notNull().default({}),
  error: text('error'),
  startedAt: tstz('started_at').notNull(),
  finishedAt: tstz('finished_at'),
}, (t) => [
  check('attribution_runs_status_check', oneOf(t.status, RUN_STATUSES)),
  index('attribution_runs_started_idx').on(t.startedAt),
]);

/**
 * The credit of one opportunity (pipeline worth its amount at creation, revenue its won amount): its journey (the touches that count, in time order, the first
 * `pipeline_touches` of them before the deal was created) and every model's credit per touch for
 * pipeline and revenue, packed as binary (`credits`: per touch the touch id as float64, then
 * float32 weights: the models in ATTRIBUTION_MODELS order for pipeline, then for revenue). Per
 * opportunity × touch × model as SQL rows would be about ten million rows for the large demo,
 * minutes to write on PGlite; reports read `attribution_rollups`, drill-downs unpack this.
 */
export const attributionJourneys = pgTable('attribution_journeys', {
  opportunityId: uuid('opportunity_id').primaryKey().references(() => opportunities.id, { onDelete: 'cascade' }),
  /** The deal's current amount: a won deal's revenue credit is worth this. */
  amount: numeric('amount', { precision: 14, scale: 2, mode: 'number' }).notNull(),
  /** The amount when the deal was created (from the audit trail, else the amount first credited): its pipeline credit is worth this. */
  pipelineAmount: numeric('pipeline_amount', { precision: 14, scale: 2, mode: 'number' }).notNull(),
  currency: text('currency').notNull(),
  createdAt: tstz('created_at').notNull(),
  wonAt: tstz('won_at'),
  touches: integer('touches').notNull(),
  pipelineTouches: integer('pipeline_touches').notNull(),
  firstTouchId: bigint('first_touch_id', { mode: 'number' }),
  leadCreationTouchId: bigint('lead_creation_touch_id', { mode: 'number' }),
  opportunityCreationTouchId: bigint('opportunity_creation_touch_id', { mode: 'number' }),
  closedWonTouchId: bigint('closed_won_touch_id', { mode: 'number' }),
  /** Who made the first touch before the deal was created (before any ruling). */
  computedSource: text('computed_source', { enum: SOURCES }),
  /** The source after the latest ruling on a dispute, else the computed one. */
  source: text('source', { enum: SOURCES }),
  influenced: boolean('influenced').notNull(),
  /** Conditions shown with the figures: no_touches, lc_from_first_touch, oc_not_marketing, touches_after_close, fallback_linear:<model>. */
  flags: text('flags').array().notNull().default(sql`'{}'::text[]`),
  credits: bytea('credits').notNull(),
  computedAt: tstz('computed_at').notNull(),
}, (t) => [
  check('attribution_journeys_source_check', oneOf(t.source, SOURCES)),
  check('attribution_journeys_computed_source_check', oneOf(t.computedSource, SOURCES)),
  index('attribution_journeys_created_idx').on(t.createdAt),
]);

/**
 * Credit summed per model, stage, dimension value, month (of the deal's creation for pipeline,
 * of its win for revenue) and currency: what the reports read. Rebuilt by the full recompute,
 * moved by deltas on each incremental refresh.
 */
export const attributionRollups = pgTable('attribution_rollups', {
  model: text('model', { enum: ATTRIBUTION_MODELS }).notNull(),
  stage: text('stage', { enum: CREDIT_STAGES }).notNull(),
  dimension: text('dimension', { enum: CREDIT_DIMENSIONS }).notNull(),
  /** The channel, campaign id, asset, team id or side; '' for a touch with none. */
  key: text('key').notNull(),
  month: date('month', { mode: 'string' }).notNull(),
  currency: text('currency').notNull(),
  credit: doublePrecision('credit').notNull(),
  /** Credit as a count of deals (the weights summed), for "deals attributed". */
  deals: doublePrecision('deals').notNull(),
}, (t) => [
  primaryKey({ columns: [t.model, t.stage, t.dimension, t.key, t.month, t.currency] }),
  check('attribution_rollups_model_check', oneOf(t.model, ATTRIBUTION_MODELS)),
  check('attribution_rollups_stage_check', oneOf(t.stage, CREDIT_STAGES)),
  check('attribution_rollups_dimension_check', oneOf(t.dimension, CREDIT_DIMENSIONS)),
]);

/**
 * A dispute about who sourced an opportunity ("already on our radar" / "we generated this"),
 * opened by either side with evidence, ruled by a sales manager or an exec. The ruling's source
 * becomes the opportunity's source in every sourced/influenced figure.
 */
export const attributionDisputes = pgTable('attribution_disputes', {
  id: id(),
  opportunityId: uuid('opportunity_id').notNull().references(() => opportunities.id, { onDelete: 'cascade' }),
  openedBy: uuid('opened_by').references(() => users.id),
  openedByTeamId: uuid('opened_by_team_id').references(() => teams.id),
  /** The source the opener says is right. */
  claimedSource: text('claimed_source', { enum: SOURCES }).notNull(),
  /** The source at the time the dispute was opened. */
  currentSource: text('current_source', { enum: SOURCES }),
  reason: text('reason').notNull(),
  /** Touch ids and free text the opener points at. */
  evidence: jsonb('evidence').$type<{ touchIds: number[]; notes: string | null }>().notNull(),
  status: text('status', { enum: DISPUTE_STATUSES }).notNull().default('open'),
  ruledBy: uuid('ruled_by').references(() => users.id),
  ruledSource: text('ruled_source', { enum: SOURCES }),
  ruling: text('ruling'),
  ruledAt: tstz('ruled_at'),
  createdAt: createdAt(),
}, (t) => [
  check('attribution_disputes_status_check', oneOf(t.status, DISPUTE_STATUSES)),
  check('attribution_disputes_claimed_check', oneOf(t.claimedSource, SOURCES)),
  check('attribution_disputes_ruled_check', sql`(${t.status} in ('open', 'withdrawn')) = (${t.ruledAt} is null)`),
  index('attribution_disputes_opportunity_idx').on(t.opportunityId, t.createdAt),
  index('attribution_disputes_status_idx').on(t.status, t.createdAt),
]);

export type AttributionJourneyRow = typeof attributionJourneys.$inferSelect;
export type AttributionDisputeRow = typeof attributionDisputes.$inferSelect;
