
import { AuditEntrySchema, AuditFilter, listAudit } from '../../domain/audit/list-audit.js';
import type { App } from '../app.js';
import { listRoutes } from './shared.js';


export function registerAuditRoutes(app: App): void {
  listRoutes(app, {
    path: '/api/v1/audit', tag: 'Audit', name: 'audit', summary: 'The audit trail: who changed what, when, before and after', filter: AuditFilter,
    item: AuditEntrySchema.openapi('AuditEntry'), itemName: 'Audit', sorts: ['at'] as const, defaultSort: 'at', exportSort: 'at',
    columns: ['id', 'at', 'actorType', 'actorId', 'actorName', 'entity', 'entityId', 'action', 'before', 'after'],
    fetch: (c, filter, page) => listAudit(c.get('ctx'), filter, page),
  });
}
