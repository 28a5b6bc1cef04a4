import { sql } from 'drizzle-orm';
import { boolean, check, pgTable, text, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { createdAt, id, oneOf, updatedAt } from './helpers.js';
import { ROLES, TEAM_KINDS } from './vocabulary.js';

export const teams = pgTable('teams', {
  id: id(),
  name: text('name').notNull().unique(),
  kind: text('kind', { enum: TEAM_KINDS }).notNull(),
  managerId: uuid('manager_id').references((): AnyPgColumn => users.id),
  createdAt: createdAt(),
}, (t) => [check('teams_kind_check', oneOf(t.kind, TEAM_KINDS))]);

export const users = pgTable('users', {
  id: id(),
  externalId: text('external_id').unique(),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  role: text('role', { enum: ROLES }).notNull(),
  teamId: uuid('team_id').references(() => teams.id),
  managerId: uuid('manager_id').references((): AnyPgColumn => users.id),
  timezone: text('timezone').notNull().default('UTC'),
  active: boolean('active').notNull().default(true),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  check('users_role_check', oneOf(t.role, ROLES)),
  check('users_email_lower_check', sql`${t.email} = lower(${t.email})`),
]);
