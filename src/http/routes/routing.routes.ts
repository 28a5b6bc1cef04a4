import { createRoute, z } from '@hono/zod-openapi';
import { deleteRoutingRule } from '../../domain/routing/delete-routing-rule.js';
import { listCalendars } from '../../domain/routing/list-calendars.js';
import { listRoutingMembers } from '../../domain/routing/list-routing-members.js';
import { listRoutingRules } from '../../domain/routing/list-routing-rules.js';
import { listSlaPolicies } from '../../domain/routing/list-sla-policies.js';
import { recordAbsence } from '../../domain/routing/record-absence.js';
import { removeAbsence } from '../../domain/routing/remove-absence.js';
import { RoutingRuleInput, RoutingRuleSchema } from '../../domain/routing/routing-rule.schema.js';
import { AbsenceInput, CalendarInput, CalendarSchema, RoutingMemberInput, RoutingMemberSchema, SlaPolicyInput, SlaPolicySchema } from '../../domain/routing/routing-settings.schema.js';
import { saveCalendar } from '../../domain/routing/save-calendar.js';
import { saveRoutingRule } from '../../domain/routing/save-routing-rule.js';
import { saveSlaPolicy } from '../../domain/routing/save-sla-policy.js';
import { TestRoutingInput, testRouting } from '../../domain/routing/test-routing.js';
import { updateRoutingMember } from '../../domain/routing/update-routing-member.js';
import type { App } from '../app.js';
import { errorResponses, IdParam, json } from './shared.js';

const tags = ['Routing'];
const UserParam = z.object({ userId: z.uuid().openapi({ param: { name: 'userId', in: 'path' } }) });
const AbsenceParams = UserParam.extend({ absenceId: z.uuid().openapi({ param: { name: 'absenceId', in: 'path' } }) });
const Trace = z.object({ ruleId: z.string(), rule: z.string(), kind: z.string(), outcome: z.enum(['matched', 'skipped', 'no_match']), reason: z.string() });
const RoutingTestSchema = z.object({
  ruleId: z.uuid().nullable(), ruleKind: z.string(), ownerId: z.uuid(), ownerName: z.string(), teamId: z.uuid().nullable(), why: z.string(), lastResort: z.boolean(),
  trace: z.array(Trace), notes: z.array(z.string()), skipped: z.array(z.object({ userId: z.uuid(), name: z.string(), reason: z.string() })),
  match: z.object({ accountId: z.uuid(), accountName: z.string().nullable(), via: z.string(), confidence: z.number(), detail: z.string() }).nullable(),
  deadlines: z.object({ acceptDueAt: z.date(), firstTouchDueAt: z.date(), remindAt: z.date(), reassignAt: z.date() }),
}).openapi('RoutingTest');

export function registerRoutingRoutes(app: App): void {
  app.openapi(createRoute({
    method: 'get', path: '/api/v1/routing/rules', tags, summary: 'The routing rules, in the order they are tried',
    responses: { 200: { description: 'Rules', ...json(z.array(RoutingRuleSchema)) }, ...errorResponses },
  }), async (c) => c.json(await listRoutingRules(c.get('ctx')) as never, 200));

  app.openapi(createRoute({
    method: 'post', path: '/api/v1/routing/rules', tags, summary: 'Add a rule (sales managers): it must point at someone who can take leads',
    request: { body: { required: true, ...json(RoutingRuleInput) } },
    responses: { 201: { description: 'Created', ...json(RoutingRuleSchema) }, ...errorResponses },
  }), async (c) => c.json(await saveRoutingRule(c.get('ctx'), c.req.valid('json')) as never, 201));

  app.openapi(createRoute({
    method: 'put', path: '/api/v1/routing/rules/{id}', tags, summary: 'Replace a rule, or move it (position)',
    request: { params: IdParam, body: { required: true, ...json(RoutingRuleInput) } },
    responses: { 200: { description: 'Saved', ...json(RoutingRuleSchema) }, ...errorResponses },
  }), async (c) => c.json(await saveRoutingRule(c.get('ctx'), c.req.valid('json'), c.req.valid('param').id) as never, 200));

  app.openapi(createRoute({
    method: 'delete', path: '/api/v1/routing/rules/{id}', tags, summary: 'Remove a rule (hand-offs it made keep their story)',
    request: { params: IdParam },
    responses: { 204: { description: 'Removed' }, ...errorResponses },
  }), async (c) => { await deleteRoutingRule(c.get('ctx'), c.req.valid('param').id); return c.body(null, 204); });

  app.openapi(createRoute({
    method: 'post', path: '/api/v1/routing/test', tags, summary: 'Where would this person go, and why? The rules as they stand; nothing is written',
    request: { body: { required: true, ...json(TestRoutingInput) } },
    responses: { 200: { description: 'The decision with every rule tried', ...json(RoutingTestSchema) }, ...errorResponses },
  }), async (c) => c.json(await testRouting(c.get('ctx'), c.req.valid('json')) as never, 200));

  app.openapi(createRoute({
    method: 'get', path: '/api/v1/routing/members', tags, summary: 'Who leads can go to: weight, capacity, calendar, open hand-offs, absences',
    responses: { 200: { description: 'Members', ...json(z.array(RoutingMemberSchema)) }, ...errorResponses },
  }), async (c) => c.json(await listRoutingMembers(c.get('ctx')), 200));

  app.openapi(createRoute({
    method: 'patch', path: '/api/v1/routing/members/{userId}', tags, summary: 'Set a member’s round-robin weight, capacity or calendar',
    request: { params: UserParam, body: { required: true, ...json(RoutingMemberInput) } },
    responses: { 200: { description: 'Saved', ...json(RoutingMemberSchema) }, ...errorResponses },
  }), async (c) => c.json(await updateRoutingMember(c.get('ctx'), c.req.valid('param').userId, c.req.valid('json')), 200));

  app.openapi(createRoute({
    method: 'post', path: '/api/v1/routing/members/{userId}/absences', tags, summary: 'Record an out-of-office period (yourself, or anyone as a manager)',
    request: { params: UserParam, body: { required: true, ...json(AbsenceInput) } },
    responses: { 201: { description: 'Recorded', ...json(z.object({ id: z.uuid() })) }, ...errorResponses },
  }), async (c) => c.json(await recordAbsence(c.get('ctx'), c.req.valid('param').userId, c.req.valid('json')), 201));

  app.openapi(createRoute({
    method: 'delete', path: '/api/v1/routing/members/{userId}/absences/{absenceId}', tags, summary: 'Cancel an out-of-office period',
    request: { params: AbsenceParams },
    responses: { 204: { description: 'Removed' }, ...errorResponses },
  }), async (c) => { const p = c.req.valid('param'); await removeAbsence(c.get('ctx'), p.userId, p.absenceId); return c.body(null, 204); });

  app.openapi(createRoute({
    method: 'get', path: '/api/v1/routing/calendars', tags, summary: 'Working calendars (time zone, hours per weekday, holidays)',
    responses: { 200: { description: 'Calendars', ...json(z.array(CalendarSchema)) }, ...errorResponses },
  }), async (c) => c.json(await listCalendars(c.get('ctx')), 200));

  app.openapi(createRoute({
    method: 'post', path: '/api/v1/routing/calendars', tags, summary: 'Add a working calendar',
    request: { body: { required: true, ...json(CalendarInput) } },
    responses: { 201: { description: 'Created', ...json(CalendarSchema) }, ...errorResponses },
  }), async (c) => c.json(await saveCalendar(c.get('ctx'), c.req.valid('json')), 201));

  app.openapi(createRoute({
    method: 'put', path: '/api/v1/routing/calendars/{id}', tags, summary: 'Replace a working calendar',
    request: { params: IdParam, body: { required: true, ...json(CalendarInput) } },
    responses: { 200: { description: 'Saved', ...json(CalendarSchema) }, ...errorResponses },
  }), async (c) => c.json(await saveCalendar(c.get('ctx'), c.req.valid('json'), c.req.valid('param').id), 200));

  app.openapi(createRoute({
    method: 'get', path: '/api/v1/routing/sla-policies', tags, summary: 'SLA policies per queue (team) and the default',
    responses: { 200: { description: 'Policies', ...json(z.array(SlaPolicySchema)) }, ...errorResponses },
  }), async (c) => c.json(await listSlaPolicies(c.get('ctx')), 200));

  app.openapi(createRoute({
    method: 'put', path: '/api/v1/routing/sla-policies', tags, summary: 'Set a queue’s SLA (or the default, teamId null): business hours to accept, to first touch, reminder and reassignment',
    request: { body: { required: true, ...json(SlaPolicyInput) } },
    responses: { 200: { description: 'Saved', ...json(SlaPolicySchema) }, ...errorResponses },
  }), async (c) => c.json(await saveSlaPolicy(c.get('ctx'), c.req.valid('json')), 200));
}
