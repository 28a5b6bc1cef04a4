import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { createdAt, id, oneOf, tstz, updatedAt } from './helpers.js';
import { ROLES, SAVED_VIEW_LISTS, TEAM_KINDS } from './vocabulary.js';

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
  /** argon2id (PHC string); null = cannot sign in (integration-only or invited). */
  passwordHash: text('password_hash'),
  passwordChangedAt: tstz('password_changed_at'),
  failedSignIns: integer('failed_sign_ins').notNull().default(0),
  lockedUntil: tstz('locked_until'),
  lastSignInAt: tstz('last_sign_in_at'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  check('users_role_check', oneOf(t.role, ROLES)),
  check('users_email_lower_check', sql`${t.email} = lower(${t.email})`),
]);

/** Server-side sessions; the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable('sessions', {
  tokenHash: text('token_hash').primaryKey(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  csrfToken: text('csrf_token').notNull(),
  createdAt: createdAt(),
  lastSeenAt: tstz('last_seen_at').notNull().defaultNow(),
  expiresAt: tstz('expires_at').notNull(),
  ip: text('ip'),
  userAgent: text('user_agent'),
}, (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)]);

/** API keys for integrations: shown once, stored hashed, scoped to a role, acting for a user. */
export const apiKeys = pgTable('api_keys', {
  id: id(),
  name: text('name').notNull(),
  prefix: text('prefix').notNull().unique(),
  secretHash: text('secret_hash').notNull(),
  role: text('role', { enum: ROLES }).notNull(),
  userId: uuid('user_id').notNull().references(() => users.id),
  createdById: uuid('created_by_id').references(() => users.id),
  createdAt: createdAt(),
  lastUsedAt: tstz('last_used_at'),
  revokedAt: tstz('revoked_at'),
}, (t) => [check('api_keys_role_check', oneOf(t.role, ROLES))]);

/** A user's saved list view: filters and sort as a query string, the columns shown. */
export const savedViews = pgTable('saved_views', {
  id: id(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  list: text('list', { enum: SAVED_VIEW_LISTS }).notNull(),
  name: text('name').notNull(),
  query: text('query').notNull().default(''),
  columns: jsonb('columns').$type<string[]>().notNull().default([]),
  shared: boolean('shared').notNull().default(false),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  check('saved_views_list_check', oneOf(t.list, SAVED_VIEW_LISTS)),
  index('saved_views_user_list_idx').on(t.userId, t.list),
]);
