import { auditLog } from '../../db/schema/index.js';
import type { Database } from '../../db/client.js';
import type { Actor } from './context.js';

export type AuditEntry = {
  entity: string;
  entityId: string;
  action: string;
  before?: unknown;
  after?: unknown;
};

/** Appends audit rows in the caller's transaction, so a change and its audit commit together. */
export async function recordAudit(db: Database, actor: Actor, at: Date, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.insert(auditLog).values(entries.map((e) => ({
    at,
    actorType: actor.type,
    actorId: actor.id,
    entity: e.entity,
    entityId: e.entityId,
    action: e.action,
    before: e.before ?? null,
    after: e.after ?? null,
  })));
}
