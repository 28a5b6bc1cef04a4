import { eq, sql } from 'drizzle-orm';
import { people, qualifications } from '../../db/schema/index.js';
import { assertVisible } from '../identity/access/assert-visible.js';
import { authorize } from '../identity/access/authorize.js';
import { recordAudit } from '../shared/audit.js';
import type { Ctx } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';
import { checkTransition } from './lifecycle-rules.js';

/** Stages from which a qualified person may become an SQL (MQL until the hand-off records SALs). */
const FROM = new Set(['mql', 'sal']);

/**
 * Moves a person to SQL, only when the ready-willing-able checklist is complete: each missing box
 * is named. The transition is stored with the user and the reason.
 */
export async function qualifyAsSql(ctx: Ctx, personId: string, reason?: string): Promise<{ personId: string; stage: 'sql' }> {
  authorize(ctx, 'qualification:write');
  await assertVisible(ctx, 'person', personId);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [p] = await tx.select({ stage: people.lifecycleStage }).from(people).where(eq(people.id, personId)).for('update');
    const check = checkTransition(p!.stage, 'sql');
    if (!FROM.has(p!.stage) || !check.ok) {
      throw new DomainError('conflict', `A ${p!.stage} cannot become an SQL${check.ok ? ': only MQLs and SALs are qualified' : `: ${check.reason}`}.`, [{ path: 'stage', message: p!.stage }]);
    }
    const [q] = await tx.select().from(qualifications).where(eq(qualifications.personId, personId));
    const missing = [
      !q?.ready && { path: 'qualification.ready', message: 'not ready: no timing recorded' },
      !q?.willing && { path: 'qualification.willing', message: 'not willing: no need and intent recorded' },
      !q?.able && { path: 'qualification.able', message: 'not able: no budget and authority recorded' },
    ].filter((x): x is { path: string; message: string } => !!x);
    if (missing.length) throw new DomainError('validation_failed', 'The ready, willing and able checklist is not complete.', missing);
    await tx.update(people).set({ lifecycleStage: 'sql', updatedAt: now }).where(eq(people.id, personId));
    await tx.execute(sql`insert into stage_transitions (person_id, from_stage, to_stage, occurred_at, actor_type, actor_id, reason)
      values (${personId}::uuid, ${p!.stage}, 'sql', ${now}::timestamptz, ${ctx.actor.type}, ${ctx.actor.id}, ${reason ?? 'ready, willing and able'})`);
    await recordAudit(tx, ctx.actor, now, [{ entity: 'person', entityId: personId, action: 'stage', before: { lifecycleStage: p!.stage }, after: { lifecycleStage: 'sql' } }]);
    return { personId, stage: 'sql' as const };
  });
}
