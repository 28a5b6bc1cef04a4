import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, oneOf, tstz, updatedAt } from './helpers.js';
import { users } from './identity.js';
import { DELIVERY_STATUSES, EMAIL_STATUSES, EVENT_TYPES } from './vocabulary.js';

/**
 * The outbox: every event other modules and webhooks react to, written in the same transaction
 * as the change it reports (stage transitions by a statement trigger, the rest by the use case).
 * Webhook deliveries are fanned out from it in that same transaction, so nothing committed is lost.
 */
export const events = pgTable('events', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  /** Public id (`evt_…`), the Standard Webhooks `webhook-id`. */
  eventId: uuid('event_id').notNull().unique().defaultRandom(),
  type: text('type', { enum: EVENT_TYPES }).notNull(),
  subjectType: text('subject_type').notNull(),
  subjectId: uuid('subject_id').notNull(),
  occurredAt: tstz('occurred_at').notNull(),
  data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
  createdAt: createdAt(),
}, (t) => [
  check('events_type_check', oneOf(t.type, EVENT_TYPES)),
  index('events_subject_idx').on(t.subjectType, t.subjectId, t.id),
  index('events_type_idx').on(t.type, t.id),
]);

/** Outbound webhooks (Standard Webhooks): a URL, the events it wants, a signing secret. */
export const webhookEndpoints = pgTable('webhook_endpoints', {
  id: id(),
  url: text('url').notNull(),
  description: text('description'),
  /** `whsec_` + base64; shown once at creation and on request to admins. */
  secret: text('secret').notNull(),
  /** Event types delivered; empty = all. */
  eventTypes: text('event_types').array().notNull().default(sql`'{}'::text[]`),
  active: boolean('active').notNull().default(true),
  createdById: uuid('created_by_id').references(() => users.id),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** One event to one endpoint, retried with backoff; the delivery log. */
export const webhookDeliveries = pgTable('webhook_deliveries', {
  id: id(),
  endpointId: uuid('endpoint_id').notNull().references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
  eventId: bigint('event_id', { mode: 'number' }).notNull().references(() => events.id, { onDelete: 'cascade' }),
  status: text('status', { enum: DELIVERY_STATUSES }).notNull().default('pending'),
  attempts: integer('attempts').notNull().default(0),
  nextAttemptAt: tstz('next_attempt_at').notNull().defaultNow(),
  lastAttemptAt: tstz('last_attempt_at'),
  lastStatusCode: integer('last_status_code'),
  lastError: text('last_error'),
  lastDurationMs: integer('last_duration_ms'),
  deliveredAt: tstz('delivered_at'),
  createdAt: createdAt(),
}, (t) => [
  unique('webhook_deliveries_endpoint_event').on(t.endpointId, t.eventId),
  check('webhook_deliveries_status_check', oneOf(t.status, DELIVERY_STATUSES)),
  index('webhook_deliveries_due_idx').on(t.nextAttemptAt).where(sql`${t.status} in ('pending', 'failed')`),
  index('webhook_deliveries_endpoint_idx').on(t.endpointId, t.createdAt),
]);

/** E-mail to send: written with the change, sent by a job through SMTP or the file sink. */
export const emailOutbox = pgTable('email_outbox', {
  id: id(),
  toAddress: text('to_address').notNull(),
  subject: text('subject').notNull(),
  bodyText: text('body_text').notNull(),
  eventId: bigint('event_id', { mode: 'number' }).references(() => events.id, { onDelete: 'set null' }),
  status: text('status', { enum: EMAIL_STATUSES }).notNull().default('pending'),
  attempts: integer('attempts').notNull().default(0),
  nextAttemptAt: tstz('next_attempt_at').notNull().defaultNow(),
  lastError: text('last_error'),
  sentAt: tstz('sent_at'),
  createdAt: createdAt(),
}, (t) => [
  check('email_outbox_status_check', oneOf(t.status, EMAIL_STATUSES)),
  index('email_outbox_due_idx').on(t.nextAttemptAt).where(sql`${t.status} in ('pending', 'failed')`),
]);

/** The in-app inbox: one row per recipient. */
export const notifications = pgTable('notifications', {
  id: id(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  type: text('type', { enum: EVENT_TYPES }).notNull(),
  title: text('title').notNull(),
  body: text('body'),
  /** Path in the web app (`/people/…`). */
  link: text('link'),
  eventId: bigint('event_id', { mode: 'number' }).references(() => events.id, { onDelete: 'set null' }),
  readAt: tstz('read_at'),
  createdAt: createdAt(),
}, (t) => [
  check('notifications_type_check', oneOf(t.type, EVENT_TYPES)),
  index('notifications_user_idx').on(t.userId, t.createdAt),
  index('notifications_unread_idx').on(t.userId).where(sql`${t.readAt} is null`),
]);
