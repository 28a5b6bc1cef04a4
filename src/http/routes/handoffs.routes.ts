import { createRoute, z } from '@hono/zod-openapi';
import { acceptHandoff } from '../../domain/handoff/accept-handoff.js';
import { decideHandoffs } from '../../domain/handoff/decide-handoffs.js';
import { getHandoff } from '../../domain/handoff/get-handoff.js';
import { DecideHandoffsInput, HandoffSchema, ReassignHandoffInput, RejectHandoffInput } from '../../domain/handoff/handoff.schema.js';
import { HANDOFF_SORTS, HandoffFilter, listHandoffs } from '../../domain/handoff/list-handoffs.js';
import { reassignHandoff } from '../../domain/handoff/reassign-handoff.js';
import { rejectHandoff } from '../../domain/handoff/reject-handoff.js';
import { RejectionReportQuery, reportRejections } from '../../domain/handoff/report-rejections.js';
import type { App } from '../app.js';
import { errorResponses, IdParam, json, listRoutes } from './shared.js';

const tags = ['Hand-off'];

const PriorWork = z.object({
  opportunities: z.array(z.object({ id: z.uuid(), name: z.string(), stage: z.string(), amount: z.number().nullable(), createdAt: z.date(), ownerName: z.string().nullable() })),
  salesTouches: z.array(z.object({ id: z.uuid(), kind: z.string(), occurredAt: z.date(), personId: z.uuid().nullable(), who: z.string().nullable() })),
}).openapi('PriorWork');
const HandoffDetail = HandoffSchema.extend({ history: z.array(HandoffSchema), priorWork: PriorWork }).openapi('HandoffDetail');
const Assignment = z.object({ handoffId: z.uuid(), personId: z.uuid(), ownerId: z.uuid(), ruleKind: z.string(), why: z.string(), acceptDueAt: z.date() }).openapi('Assignment');

export function registerHandoffRoutes(app: App): void {
  listRoutes(app, {
    path: '/api/v1/handoffs', tag: 'Hand-off', name: 'handoffs', itemName: 'Handoff', item: HandoffSchema, filter: HandoffFilter,
    summary: 'The queue: hand-offs with why each lead is hot, its deadline in business hours and any breach (sellers see their own and their team’s)',
    sorts: HANDOFF_SORTS, defaultSort: 'acceptDueAt', defaultOrder: 'asc', exportSort: 'assignedAt',
    columns: ['id', 'personEmail', 'company', 'ownerName', 'status', 'ruleKind', 'why', 'grade', 'score', 'mqlAt', 'assignedAt', 'acceptDueAt', 'acceptedAt', 'timeToAcceptMinutes', 'rejectReason', 'rejectNote', 'rejectOutcome'],
    fetch: (c, f, page) => listHandoffs(c.get('ctx'), f, page) as never,
  });

  app.openapi(createRoute({
    method: 'get', path: '/api/v1/handoffs/rejections', tags, summary: 'The loop back to marketing: handed off, accepted and rejected (by reason) per campaign, source, model version or owner',
    request: { query: RejectionReportQuery },
    responses: { 200: { description: 'One row per group', ...json(z.array(z.object({ key: z.string().nullable(), label: z.string(), handedOff: z.number().int(), accepted: z.number().int(), rejected: z.number().int(), acceptanceRate: z.number().nullable(), reasons: z.record(z.string(), z.number()) }))) }, ...errorResponses },
  }), async (c) => c.json(await reportRejections(c.get('ctx'), c.req.valid('query')), 200));

  app.openapi(createRoute({
    method: 'post', path: '/api/v1/handoffs/decide', tags, summary: 'Accept or reject many leads at once, each under the rules of one; the answer lists each outcome',
    request: { body: { required: true, ...json(DecideHandoffsInput) } },
    responses: { 200: { description: 'Per lead: decided, or refused with a code', ...json(z.object({ decided: z.number().int(), refused: z.number().int(), results: z.array(z.object({ id: z.uuid(), ok: z.boolean(), code: z.string().optional(), message: z.string().optional() })) })) }, ...errorResponses },
  }), async (c) => c.json(await decideHandoffs(c.get('ctx'), c.req.valid('json')), 200));

  app.openapi(createRoute({
    method: 'get', path: '/api/v1/handoffs/{id}', tags, summary: 'One hand-off: its story, the person’s earlier hand-offs, and the prior sales work that could be cited',
    request: { params: IdParam },
    responses: { 200: { description: 'The hand-off', ...json(HandoffDetail) }, ...errorResponses },
  }), async (c) => c.json(await getHandoff(c.get('ctx'), c.req.valid('param').id) as never, 200));

  app.openapi(createRoute({
    method: 'post', path: '/api/v1/handoffs/{id}/accept', tags, summary: 'Accept the lead (its owner only): it becomes an SAL',
    request: { params: IdParam },
    responses: { 200: { description: 'Accepted', ...json(z.object({ id: z.uuid(), status: z.literal('accepted'), timeToAcceptMinutes: z.number().int() })) }, ...errorResponses },
  }), async (c) => c.json(await acceptHandoff(c.get('ctx'), c.req.valid('param').id), 200));

  app.openapi(createRoute({
    method: 'post', path: '/api/v1/handoffs/{id}/reject', tags, summary: 'Reject the lead (its owner only) with a reason and a note: back to nurture or disqualified',
    request: { params: IdParam, body: { required: true, ...json(RejectHandoffInput) } },
    responses: { 200: { description: 'Rejected', ...json(z.object({ id: z.uuid(), status: z.literal('rejected'), outcome: z.string() })) }, ...errorResponses },
  }), async (c) => c.json(await rejectHandoff(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200));

  app.openapi(createRoute({
    method: 'post', path: '/api/v1/handoffs/{id}/reassign', tags, summary: 'Route the lead again, skipping everyone who had it (sales managers)',
    request: { params: IdParam, body: { required: false, ...json(ReassignHandoffInput) } },
    responses: { 200: { description: 'The new hand-off (null when the person is no longer an MQL)', ...json(Assignment.nullable()) }, ...errorResponses },
  }), async (c) => {
    const body = (c.req.valid('json') ?? {}) as { note?: string };
    return c.json(await reassignHandoff(c.get('ctx'), c.req.valid('param').id, body.note || 'by a manager') as never, 200);
  });
}
