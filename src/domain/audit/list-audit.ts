import { and, eq, gte, lt, sql } from 'drizzle-orm';
import { z } from '../shared/zod.js';
import { apiKeys, auditLog, users } from '../../db/schema/index.js';
import { ACTOR_TYPES } from '../../db/schema/vocabulary.js';
import type { Ctx } from '../shared/context.js';
import { keysetPage, type Page, type PageParams, type SortSpec } from '../shared/list.js';
import { createSelectSchema } from '../shared/schema-factory.js';
import { authorize } from '../identity/access/authorize.js';

export const AuditEntrySchema = createSelectSchema(auditLog).extend({
  actorName: z.string().nullable().describe('The acting user\'s or key\'s current name; for other actors (system, import, form) their id'),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditFilter = z.object({
  entity: z.string().optional(),
  entityId: z.string().optional(),
  actorType: z.enum(ACTOR_TYPES).optional(),
  actorId: z.string().optional(),
  action: z.string().trim().min(1).max(50).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
});
export type AuditFilter = z.infer<typeof AuditFilter>;

const SORTS: Record<string, SortSpec> = { at: { expr: sql`${auditLog.at}`, cast: 'timestamptz' } };

export async function listAudit(ctx: Ctx, f: AuditFilter, page: PageParams): Promise<Page<AuditEntry>> {
  authorize(ctx, 'audit:read');
  return keysetPage<AuditEntry>({
    params: page, sorts: SORTS, idExpr: sql`${auditLog.id}`, idCast: 'bigint',
    where: [and(
      f.entity ? eq(auditLog.entity, f.entity) : undefined,
      f.entityId ? eq(auditLog.entityId, f.entityId) : undefined,
      f.actorType ? eq(auditLog.actorType, f.actorType) : undefined,
      f.actorId ? eq(auditLog.actorId, f.actorId) : undefined,
      f.action ? eq(auditLog.action, f.action) : undefined,
      f.from ? gte(auditLog.at, f.from) : undefined,
      f.to ? lt(auditLog.at, f.to) : undefined,
    )],
    run: (w, order, limit) => ctx.db.select({ ...auditColumns, actorName, _sort: SORTS.at!.expr }).from(auditLog)
      .leftJoin(users, and(eq(auditLog.actorType, 'user'), eq(sql`${users.id}::text`, auditLog.actorId)))
      .leftJoin(apiKeys, and(eq(auditLog.actorType, 'api_key'), eq(sql`${apiKeys.id}::text`, auditLog.actorId)))
      .where(w).orderBy(order).limit(limit) as Promise<(AuditEntry & { _sort: unknown })[]>,
  });
}

const { id, at, actorType, actorId, entity, entityId, action, before, after } = auditLog;
const auditColumns = { id, at, actorType, actorId, entity, entityId, action, before, after };
/** The user's or key's current name (joined, not a per-row subquery, so an export stays one pass); other actors name themselves. */
const actorName = sql<string | null>`coalesce(${users.name}, ${apiKeys.name}, case when ${auditLog.actorType} in ('user', 'api_key') then null else ${auditLog.actorId} end)`;
