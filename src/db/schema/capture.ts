import { bigint, boolean, check, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { campaigns } from './campaigns.js';
import { createdAt, id, oneOf, tstz } from './helpers.js';
import { IMPORT_KINDS, IMPORT_STATUSES, TOUCH_KINDS } from './vocabulary.js';

/** A public form on the company's website (hand-raisers post here). */
export const forms = pgTable('forms', {
  id: id(),
  key: text('key').notNull().unique(),
  name: text('name').notNull(),
  kind: text('kind', { enum: TOUCH_KINDS }).notNull().default('form_submit'),
  campaignId: uuid('campaign_id').references(() => campaigns.id),
  asset: text('asset'),
  allowedOrigins: text('allowed_origins').array().notNull().default([]),
  redirectUrl: text('redirect_url'),
  successMessage: text('success_message').notNull().default('Thank you, we will be in touch.'),
  active: boolean('active').notNull().default(true),
  createdAt: createdAt(),
}, (t) => [check('forms_kind_check', oneOf(t.kind, TOUCH_KINDS))]);

/** An import run. Rows are committed in chunks; `rows_ok` only counts committed rows. */
export const imports = pgTable('imports', {
  id: id(),
  kind: text('kind', { enum: IMPORT_KINDS }).notNull(),
  fileName: text('file_name'),
  status: text('status', { enum: IMPORT_STATUSES }).notNull().default('running'),
  rowsRead: integer('rows_read').notNull().default(0),
  rowsOk: integer('rows_ok').notNull().default(0),
  rowsFailed: integer('rows_failed').notNull().default(0),
  mapping: jsonb('mapping').$type<Record<string, string>>(),
  error: text('error'),
  actor: text('actor').notNull(),
  startedAt: createdAt(),
  finishedAt: tstz('finished_at'),
}, (t) => [
  check('imports_kind_check', oneOf(t.kind, IMPORT_KINDS)),
  check('imports_status_check', oneOf(t.status, IMPORT_STATUSES)),
]);

export const importErrors = pgTable('import_errors', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  importId: uuid('import_id').notNull().references(() => imports.id, { onDelete: 'cascade' }),
  rowNumber: integer('row_number').notNull(),
  field: text('field'),
  code: text('code').notNull(),
  message: text('message').notNull(),
}, (t) => [index('import_errors_import_idx').on(t.importId, t.rowNumber)]);
