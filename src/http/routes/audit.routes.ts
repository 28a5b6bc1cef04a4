import { createRoute } from '@hono/zod-openapi';
import { AuditEntrySchema, AuditFilter, listAudit } from '../../domain/audit/list-audit.js';
import type { App } from '../app.js';
import { errorResponses, exportRoute, json, listQuery, pageOf, pageParams } from './shared.js';

const Query = AuditFilter.extend(listQuery(['at'] as const, 'at').shape);

export function registerAuditRoutes(app: App): void {
  app.openapi(createRoute({
    method: 'get', path: '/api/v1/audit', tags: ['Audit'], summary: 'The audit trail: who changed what, when, before and after',
    request: { query: Query },
    responses: { 200: { description: 'A page of audit entries', ...json(pageOf(AuditEntrySchema.openapi('AuditEntry'), 'AuditPage')) }, ...errorResponses },
  }), async (c) => {
    const q = c.req.valid('query');
    return c.json(await listAudit(c.get('ctx'), q, pageParams(q)), 200);
  });
  exportRoute(app, {
    path: '/api/v1/audit', tag: 'Audit', name: 'audit', query: AuditFilter, sort: 'at',
    columns: ['id', 'at', 'actorType', 'actorId', 'entity', 'entityId', 'action', 'before', 'after'].map((key) => ({ key, header: key })),
    fetch: (c, filter, page) => listAudit(c.get('ctx'), filter, page),
  });
}
