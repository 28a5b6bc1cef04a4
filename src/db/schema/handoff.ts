import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts.js';
import { createdAt, id, oneOf, tstz, updatedAt } from './helpers.js';
import { teams, users } from './identity.js';
import { people } from './people.js';
import { scoringModels } from './scoring.js';
import {
  BREACH_KINDS, HANDOFF_STATUSES, REJECT_OUTCOMES, REJECT_REASONS, ROUTING_RULE_KINDS, SLA_STEPS,
} from './vocabulary.js';

/** Working hours per weekday (0 = Sunday … 6 = Saturday) as `HH:MM` ranges in the calendar's zone. */
export type WeeklyHours = Record<string, Array<{ start: string; end: string }>>;

/** A working calendar: time zone, weekly hours, holidays. SLA clocks count only its hours. */
export const workCalendars = pgTable('work_calendars', {
  id: id(),
  name: text('name').notNull().unique(),
  timezone: text('timezone').notNull(),
  hours: jsonb('hours').$type<WeeklyHours>().notNull(),
  /** ISO dates (`YYYY-MM-DD`, in the calendar's zone) that are not worked. */
  holidays: jsonb('holidays').$type<string[]>().notNull().default([]),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** How a user takes part in routing: weight in round-robin, capacity, their calendar. */
export const userRouting = pgTable('user_routing', {
  userId: uuid('user_id').primaryKey().references(() => users.id, { onDelete: 'cascade' }),
  weight: integer('weight').notNull().default(1),
  /** Open hand-offs at which round-robin skips the user; null = no limit. */
  capacity: integer('capacity'),
  calendarId: uuid('calendar_id').references(() => workCalendars.id),
  updatedAt: updatedAt(),
}, (t) => [
  check('user_routing_weight_check', sql`${t.weight} >= 0`),
  check('user_routing_capacity_check', sql`${t.capacity} is null or ${t.capacity} >= 0`),
]);

/** Out-of-office periods (inclusive dates); round-robin skips absent users. */
export const userAbsences = pgTable('user_absences', {
  id: id(),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  startsOn: date('starts_on').notNull(),
  endsOn: date('ends_on').notNull(),
  note: text('note'),
  createdAt: createdAt(),
}, (t) => [
  check('user_absences_range_check', sql`${t.endsOn} >= ${t.startsOn}`),
  index('user_absences_user_idx').on(t.userId, t.startsOn),
]);

/** SLA policy per queue (team); the one with no team is the default. Durations in business hours. */
export const slaPolicies = pgTable('sla_policies', {
  id: id(),
  name: text('name').notNull(),
  teamId: uuid('team_id').references(() => teams.id),
  acceptHours: doublePrecision('accept_hours').notNull().default(24),
  firstTouchHours: doublePrecision('first_touch_hours').notNull().default(4),
  /** The reminder fires this many business hours before the accept deadline. */
  reminderBeforeHours: doublePrecision('reminder_before_hours').notNull().default(4),
  /** After the accept deadline (escalation), the lead is reassigned this many business hours later. */
  reassignAfterHours: doublePrecision('reassign_after_hours').notNull().default(8),
  /** Used when the owner has no calendar of their own. */
  calendarId: uuid('calendar_id').references(() => workCalendars.id),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  uniqueIndex('sla_policies_team_idx').on(sql`coalesce(${t.teamId}, '00000000-0000-0000-0000-000000000000'::uuid)`),
  check('sla_policies_hours_check', sql`${t.acceptHours} > 0 and ${t.firstTouchHours} > 0 and ${t.reminderBeforeHours} >= 0 and ${t.reassignAfterHours} > 0`),
]);

/** Conditions a rule tests; see domain/routing/routing-rule.schema.ts. */
export type RoutingConditions = Record<string, unknown>;

/** Routing rules, evaluated by `position`; the first that yields an available owner wins. */
export const routingRules = pgTable('routing_rules', {
  id: id(),
  position: integer('position').notNull(),
  name: text('name').notNull(),
  kind: text('kind', { enum: ROUTING_RULE_KINDS }).notNull(),
  conditions: jsonb('conditions').$type<RoutingConditions>().notNull().default({}),
  /** named_account, territory, fallback: a user; round_robin: a team. */
  targetUserId: uuid('target_user_id').references(() => users.id),
  targetTeamId: uuid('target_team_id').references(() => teams.id),
  active: boolean('active').notNull().default(true),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [
  check('routing_rules_kind_check', oneOf(t.kind, ROUTING_RULE_KINDS)),
  index('routing_rules_position_idx').on(t.position),
]);

/** Weighted round-robin state: how many leads each member got from a rule. */
export const routingCounters = pgTable('routing_counters', {
  ruleId: uuid('rule_id').notNull().references(() => routingRules.id, { onDelete: 'cascade' }),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  assigned: bigint('assigned', { mode: 'number' }).notNull().default(0),
}, (t) => [primaryKey({ columns: [t.ruleId, t.userId] })]);

/**
 * A hand-off: one MQL given to one owner under an SLA. Re-routing closes the row
 * (`reassigned`) and opens a new one that names it, so the history stays.
 */
export const handoffs = pgTable('handoffs', {
  id: id(),
  personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  accountId: uuid('account_id').references(() => accounts.id),
  ownerId: uuid('owner_id').notNull().references(() => users.id),
  teamId: uuid('team_id').references(() => teams.id),
  status: text('status', { enum: HANDOFF_STATUSES }).notNull().default('open'),
  ruleId: uuid('rule_id').references(() => routingRules.id, { onDelete: 'set null' }),
  ruleKind: text('rule_kind', { enum: ROUTING_RULE_KINDS }).notNull(),
  /** Why this owner, in words, and the evidence (match confidence, skipped members…). */
  why: text('why').notNull(),
  routing: jsonb('routing').$type<Record<string, unknown>>().notNull().default({}),
  policyId: uuid('policy_id').references(() => slaPolicies.id),
  calendarId: uuid('calendar_id').references(() => workCalendars.id),
  modelId: uuid('model_id').references(() => scoringModels.id),
  previousId: uuid('previous_id'),
  mqlAt: tstz('mql_at').notNull(),
  assignedAt: tstz('assigned_at').notNull(),
  acceptDueAt: tstz('accept_due_at').notNull(),
  firstTouchDueAt: tstz('first_touch_due_at').notNull(),
  remindAt: tstz('remind_at').notNull(),
  reassignAt: tstz('reassign_at').notNull(),
  /** The earliest SLA step not yet fired; the sweep reads only rows due. Null once nothing is left. */
  nextStepAt: tstz('next_step_at'),
  acceptedAt: tstz('accepted_at'),
  firstTouchAt: tstz('first_touch_at'),
  rejectedAt: tstz('rejected_at'),
  rejectReason: text('reject_reason', { enum: REJECT_REASONS }),
  rejectNote: text('reject_note'),
  rejectOutcome: text('reject_outcome', { enum: REJECT_OUTCOMES }),
  recycleUntil: date('recycle_until'),
  /** For `already_working_it`: the opportunity or sales touch that proves it. */
  evidence: jsonb('evidence').$type<Record<string, unknown>>(),
  closedById: uuid('closed_by_id').references(() => users.id),
  closedAt: tstz('closed_at'),
  createdAt: createdAt(),
}, (t) => [
  check('handoffs_status_check', oneOf(t.status, HANDOFF_STATUSES)),
  check('handoffs_rule_kind_check', oneOf(t.ruleKind, ROUTING_RULE_KINDS)),
  check('handoffs_reason_check', oneOf(t.rejectReason, REJECT_REASONS)),
  check('handoffs_outcome_check', oneOf(t.rejectOutcome, REJECT_OUTCOMES)),
  check('handoffs_rejected_reason_check', sql`${t.status} <> 'rejected' or (${t.rejectReason} is not null and ${t.rejectOutcome} is not null)`),
  /** One live hand-off per person: an open or accepted one. */
  uniqueIndex('handoffs_one_live_idx').on(t.personId).where(sql`${t.status} = 'open'`),
  index('handoffs_person_idx').on(t.personId, t.assignedAt),
  index('handoffs_owner_idx').on(t.ownerId, t.status),
  index('handoffs_due_idx').on(t.nextStepAt).where(sql`${t.nextStepAt} is not null`),
  index('handoffs_assigned_idx').on(t.assignedAt),
]);

/** SLA steps that fired: unique per hand-off and step, so a step fires exactly once. */
export const handoffSteps = pgTable('handoff_steps', {
  handoffId: uuid('handoff_id').notNull().references(() => handoffs.id, { onDelete: 'cascade' }),
  step: text('step', { enum: SLA_STEPS }).notNull(),
  dueAt: tstz('due_at').notNull(),
  firedAt: tstz('fired_at').notNull(),
  /** Fired well after it was due (the server was down over the deadline). */
  late: boolean('late').notNull().default(false),
}, (t) => [
  primaryKey({ columns: [t.handoffId, t.step] }),
  check('handoff_steps_step_check', oneOf(t.step, SLA_STEPS)),
]);

/** Every SLA breach: whose, which deadline, how late (business minutes when recorded). */
export const slaBreaches = pgTable('sla_breaches', {
  id: id(),
  handoffId: uuid('handoff_id').notNull().references(() => handoffs.id, { onDelete: 'cascade' }),
  kind: text('kind', { enum: BREACH_KINDS }).notNull(),
  ownerId: uuid('owner_id').notNull().references(() => users.id),
  teamId: uuid('team_id').references(() => teams.id),
  dueAt: tstz('due_at').notNull(),
  recordedAt: tstz('recorded_at').notNull(),
  /** Business minutes past the deadline when the breach was settled (accepted late, or still open). */
  lateMinutes: integer('late_minutes').notNull().default(0),
  resolvedAt: tstz('resolved_at'),
}, (t) => [
  unique('sla_breaches_handoff_kind').on(t.handoffId, t.kind),
  check('sla_breaches_kind_check', oneOf(t.kind, BREACH_KINDS)),
  index('sla_breaches_owner_idx').on(t.ownerId, t.recordedAt),
  index('sla_breaches_team_idx').on(t.teamId, t.recordedAt),
]);

export type HandoffRow = typeof handoffs.$inferSelect;
