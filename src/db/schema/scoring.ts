import { sql } from 'drizzle-orm';
import { boolean, check, doublePrecision, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, oneOf, tstz } from './helpers.js';
import { users } from './identity.js';
import { people } from './people.js';

export const MODEL_STATUSES = ['draft', 'published', 'retired'] as const;
export type ModelStatus = (typeof MODEL_STATUSES)[number];

/**
 * Scoring models, versioned: a draft is edited and back-tested; publishing freezes it (a published
 * model is never changed in place) and retires the model it replaces. One model is live at a time.
 */
export const scoringModels = pgTable('scoring_models', {
  id: id(),
  name: text('name').notNull(),
  version: integer('version').notNull(),
  status: text('status', { enum: MODEL_STATUSES }).notNull().default('draft'),
  definition: jsonb('definition').$type<Record<string, unknown>>().notNull(),
  notes: text('notes'),
  basedOnId: uuid('based_on_id'),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: createdAt(),
  publishedAt: tstz('published_at'),
  retiredAt: tstz('retired_at'),
}, (t) => [
  check('scoring_models_status_check', oneOf(t.status, MODEL_STATUSES)),
  uniqueIndex('scoring_models_version_idx').on(t.version),
  uniqueIndex('scoring_models_live_idx').on(t.status).where(sql`${t.status} = 'published'`),
]);

/**
 * Each person's current score under the live model. `scored_at` is when the stored score last
 * changed: a rescore computing the same score (the same `digest`, a hash of the model, the figures
 * and the explanation's digest) leaves the row alone. The row holds figures only (the explanation
 * lives in person_score_explanations): decay moves the figures every day, and rewriting a narrow
 * row costs a tenth of rewriting one carrying its ~1 KB explanation. `parts` are what the score is
 * made of (see ScoreParts in score-person.ts): the daily decay is computed from them alone, without
 * the touches, until `due_at`. No index on `total`, and a fillfactor of 50 (migration 0010):
 * rewriting a score is a HOT update within its page (PGlite runs no autovacuum).
 */
export const personScores = pgTable('person_scores', {
  personId: uuid('person_id').primaryKey().references(() => people.id, { onDelete: 'cascade' }),
  modelId: uuid('model_id').notNull().references(() => scoringModels.id),
  fit: doublePrecision('fit').notNull(),
  engagement: doublePrecision('engagement').notNull(),
  total: doublePrecision('total').notNull(),
  grade: text('grade').notNull(),
  mqlReason: text('mql_reason'),
  scoredAt: tstz('scored_at').notNull(),
  digest: text('digest'),
  parts: doublePrecision('parts').array(),
  dueAt: tstz('due_at'),
  explanationDigest: text('explanation_digest'),
  /**
   * When the latest touch the score was computed from happened: the score holds every effective
   * touch up to it, and any later touch it has seen changed nothing. A touch captured after it is
   * added to the stored parts and explanation without reading the history (see advance-score.ts).
   * Not part of the digest: a touch that changes nothing writes nothing. Null: not known.
   */
  touchedThrough: tstz('touched_through'),
});

/**
 * Each score's explanation as stored: every rule that fired, in a form that does not change as
 * time passes (engagement rules carry their half-life and points as of their latest hit; see
 * StoredRule and explainAt in score-person.ts), so decay never rewrites it. Fillfactor 50
 * (migration 0013): a rewrite is a HOT update in its page.
 */
export const personScoreExplanations = pgTable('person_score_explanations', {
  personId: uuid('person_id').primaryKey().references(() => people.id, { onDelete: 'cascade' }),
  explanation: jsonb('explanation').$type<unknown[]>().notNull(),
});

/**
 * The ready-willing-able checklist (BANT by another name) an SDR or rep records before a person
 * may become an SQL: timing (ready), need and intent (willing), budget and authority (able).
 * One row per person, the latest answers; every change is in the audit trail.
 */
export const qualifications = pgTable('qualifications', {
  personId: uuid('person_id').primaryKey().references(() => people.id, { onDelete: 'cascade' }),
  timing: text('timing'),
  need: text('need'),
  budget: text('budget'),
  authority: text('authority'),
  ready: boolean('ready').notNull().default(false),
  willing: boolean('willing').notNull().default(false),
  able: boolean('able').notNull().default(false),
  notes: text('notes'),
  recordedBy: uuid('recorded_by').references(() => users.id),
  recordedAt: tstz('recorded_at').notNull(),
});
