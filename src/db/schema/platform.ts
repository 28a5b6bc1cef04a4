import { bigint, check, index, jsonb, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { createdAt, id, oneOf, tstz } from './helpers.js';
import { ACTOR_TYPES, CUSTOM_FIELD_ENTITIES, CUSTOM_FIELD_TYPES } from './vocabulary.js';

/** Every company brings its own fields; values live in each record's `custom` jsonb column. */
export const customFieldDefinitions = pgTable('custom_field_definitions', {
  id: id(),
  entity: text('entity', { enum: CUSTOM_FIELD_ENTITIES }).notNull(),
  key: text('key').notNull(),
  label: text('label').notNull(),
  type: text('type', { enum: CUSTOM_FIELD_TYPES }).notNull(),
  options: text('options').array(),
  createdAt: createdAt(),
}, (t) => [
  unique('custom_field_definitions_entity_key').on(t.entity, t.key),
  check('custom_field_definitions_entity_check', oneOf(t.entity, CUSTOM_FIELD_ENTITIES)),
  check('custom_field_definitions_type_check', oneOf(t.type, CUSTOM_FIELD_TYPES)),
]);

/** Who changed what, when, with the record before and after. */
export const auditLog = pgTable('audit_log', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  at: tstz('at').notNull().defaultNow(),
  actorType: text('actor_type', { enum: ACTOR_TYPES }).notNull(),
  actorId: text('actor_id'),
  entity: text('entity').notNull(),
  entityId: text('entity_id').notNull(),
  action: text('action').notNull(),
  before: jsonb('before'),
  after: jsonb('after'),
}, (t) => [
  check('audit_log_actor_check', oneOf(t.actorType, ACTOR_TYPES)),
  index('audit_log_entity_idx').on(t.entity, t.entityId, t.at),
  index('audit_log_at_idx').on(t.at),
]);

/** Key/value settings (demo loaded, seeds, …). */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: tstz('updated_at').notNull().defaultNow(),
});
