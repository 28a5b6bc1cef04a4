import { sql } from 'drizzle-orm';
import { scoringModels } from '../../db/schema/index.js';
import { authorize } from '../identity/access/authorize.js';
import { recordAudit } from '../shared/audit.js';
import type { Ctx } from '../shared/context.js';
import type { CreateScoringModelInput, ScoringModel } from './scoring-model-api.schema.js';

/** A new draft model, numbered after every model before it. */
export async function createScoringModel(ctx: Ctx, input: CreateScoringModelInput): Promise<ScoringModel> {
  authorize(ctx, 'scoring:write');
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('scoring_models_version'))`);
    const [row] = await tx.insert(scoringModels).values({
      name: input.name, definition: input.definition, notes: input.notes ?? null, basedOnId: input.basedOnId ?? null,
      version: sql`(select coalesce(max(version), 0) + 1 from scoring_models)`, status: 'draft',
      createdBy: ctx.principal.userId, createdAt: now,
    }).returning();
    await recordAudit(tx, ctx.actor, now, [{ entity: 'scoring_model', entityId: row!.id, action: 'create', after: row }]);
    return row as ScoringModel;
  });
}
