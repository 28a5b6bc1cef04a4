import { createRoute, z } from '@hono/zod-openapi';
import { correctTouchpoint, CorrectTouchpointInput } from '../../domain/capture/correct-touchpoint.js';
import { ingestTouchpoints } from '../../domain/capture/ingest-touchpoints.js';
import { listTouchpoints } from '../../domain/capture/list-touchpoints.js';
import { IngestResultSchema, TouchpointBatchInput, TouchpointFilter, TouchpointInput, TouchpointSchema } from '../../domain/capture/touchpoint.schema.js';
import type { App, AppDeps } from '../app.js';
import { errorResponses, json, listRoutes } from './shared.js';
import { scoreSoon } from './score-soon.js';

const tags = ['Touchpoints'];
const TouchIdParam = z.object({ id: z.coerce.number().int().positive().openapi({ param: { name: 'id', in: 'path' } }) });

export function registerTouchpointRoutes(app: App, deps: AppDeps): void {
  TouchpointInput.openapi('TouchpointInput');

  app.openapi(createRoute({
    method: 'post', path: '/api/v1/touchpoints', tags,
    summary: 'Capture a batch of touches (up to 10,000), idempotent on externalId',
    description: 'Validated all or nothing: one invalid item refuses the batch, with every problem listed by path (touchpoints.<index>.<field>). A touch with an e-mail upserts the person and matches the account by domain; free-mail domains never match; an unknown corporate domain creates an account. On PostgreSQL a batch of 2,000 touches or more is written in parts by company, concurrently (TRUCE_CAPTURE_PARTS): if the request fails with a server error, some parts may already be stored; send the same batch again, and only what is missing is stored (idempotent on externalId).',
    request: { body: { required: true, ...json(TouchpointBatchInput) } },
    responses: {
      201: { description: 'Stored (duplicates are counted, not stored again)', ...json(IngestResultSchema.openapi('IngestResult')) },
      413: errorResponses[422], ...errorResponses,
    },
  }), async (c) => {
    const { touchpoints } = c.req.valid('json');
    const ctx = c.get('ctx');
    const { personIds, firstAt, ...result } = await ingestTouchpoints(ctx, touchpoints, {
      maxFutureSkewMinutes: deps.config.maxFutureSkewMinutes, parts: deps.config.captureParts,
    });
    await scoreSoon(deps, ctx, personIds, firstAt);
    return c.json(result, 201);
  });

  listRoutes(app, {
    path: '/api/v1/touchpoints', tag: 'Touchpoints', name: 'touchpoints', summary: 'List touches (the effective timeline unless includeSuperseded)',
    filter: TouchpointFilter, item: TouchpointSchema, itemName: 'AllTouchpoint', sorts: ['occurredAt', 'recordedAt'] as const, defaultSort: 'occurredAt',
    exportSort: 'occurredAt',
    columns: ['id', 'externalId', 'occurredAt', 'personId', 'accountId', 'channel', 'kind', 'campaignId', 'asset', 'side', 'properties', 'correctsId', 'retracted', 'recordedBy', 'recordedAt'],
    fetch: (c, filter, page) => listTouchpoints(c.get('ctx'), filter, page),
  });

  app.openapi(createRoute({
    method: 'post', path: '/api/v1/touchpoints/{id}/corrections', tags,
    summary: 'Correct or retract a touch (touches are immutable; this records a new one)',
    request: { params: TouchIdParam, body: { required: true, ...json(CorrectTouchpointInput) } },
    responses: { 201: { description: 'The correcting touch', ...json(TouchpointSchema.omit({ campaign: true, person: true, account: true })) }, ...errorResponses },
  }), async (c) => {
    const ctx = c.get('ctx');
    const row = await correctTouchpoint(ctx, c.req.valid('param').id, c.req.valid('json'));
    // A correction changes the person's history, not only its end: scored again from every touch.
    if (row.personId) await scoreSoon(deps, ctx, [row.personId]);
    return c.json(row, 201);
  });
}
