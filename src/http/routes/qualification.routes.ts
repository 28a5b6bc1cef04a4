import { createRoute, z } from '@hono/zod-openapi';
import { QualificationSchema, QualifyAsSqlInput, RecordQualificationInput } from '../../domain/lifecycle/qualification.schema.js';
import { qualifyAsSql } from '../../domain/lifecycle/qualify-as-sql.js';
import { getQualification, recordQualification } from '../../domain/lifecycle/record-qualification.js';
import type { App } from '../app.js';
import { errorResponses, IdParam, json } from './shared.js';

const tags = ['Lifecycle'];

export function registerQualificationRoutes(app: App): void {
  app.openapi(createRoute({
    method: 'get', path: '/api/v1/people/{id}/qualification', tags, summary: 'The ready-willing-able checklist of a person (null when none yet)',
    request: { params: IdParam },
    responses: { 200: { description: 'The checklist', ...json(QualificationSchema.nullable()) }, ...errorResponses },
  }), async (c) => c.json(await getQualification(c.get('ctx'), c.req.valid('param').id) as never, 200));

  app.openapi(createRoute({
    method: 'put', path: '/api/v1/people/{id}/qualification', tags, summary: 'Record the checklist: timing (ready), need and intent (willing), budget and authority (able)',
    request: { params: IdParam, body: { required: true, ...json(RecordQualificationInput) } },
    responses: { 200: { description: 'Recorded', ...json(QualificationSchema) }, ...errorResponses },
  }), async (c) => c.json(await recordQualification(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')) as never, 200));

  app.openapi(createRoute({
    method: 'post', path: '/api/v1/people/{id}/sql', tags, summary: 'Qualify a person as SQL: refused, box by box, until the checklist is complete',
    request: { params: IdParam, body: { required: false, ...json(QualifyAsSqlInput) } },
    responses: { 200: { description: 'Now an SQL', ...json(z.object({ personId: z.uuid(), stage: z.literal('sql') })) }, ...errorResponses },
  }), async (c) => c.json(await qualifyAsSql(c.get('ctx'), c.req.valid('param').id, (c.req.valid('json') as { reason?: string } | undefined)?.reason), 200));
}
