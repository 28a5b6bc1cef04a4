import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import type { LifecycleStage } from '../../db/schema/vocabulary.js';
import { recordAudit } from '../shared/audit.js';
import type { Actor } from '../shared/context.js';
import { checkTransition } from './lifecycle-rules.js';

/**
 * Moves a person to a stage inside the caller's transaction, if the lifecycle rules allow it from
 * where they are now (re-read under a row lock): stores the transition with actor and reason
 * (the `person.stage_changed` event follows by trigger) and audits it. Returns whether it moved.
 */
export async function movePersonStage(db: Database, actor: Actor, at: Date, personId: string, to: LifecycleStage, reason: string): Promise<{ moved: boolean; from: LifecycleStage | null; why?: string }> {
  const { rows } = await db.execute<{ stage: LifecycleStage }>(sql`select lifecycle_stage as stage from people where id = ${personId}::uuid for update`);
  const from = rows[0]?.stage ?? null;
  const check = checkTransition(from, to);
  if (!check.ok) return { moved: false, from, why: check.reason };
  await db.execute(sql`update people set lifecycle_stage = ${to}, updated_at = ${at}::timestamptz where id = ${personId}::uuid`);
  await db.execute(sql`insert into stage_transitions (person_id, from_stage, to_stage, occurred_at, actor_type, actor_id, reason, is_reentry)
    values (${personId}::uuid, ${from}, ${to}, ${at}::timestamptz, ${actor.type}, ${actor.id}, ${reason}, ${check.reentry})`);
  await recordAudit(db, actor, at, [{ entity: 'person', entityId: personId, action: 'stage', before: { lifecycleStage: from }, after: { lifecycleStage: to } }]);
  return { moved: true, from };
}
