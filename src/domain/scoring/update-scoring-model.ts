import { eq } from 'drizzle-orm';
import { scoringModels } from '../../db/schema/index.js';
import { authorize } from '../identity/access/authorize.js';
import { recordAudit } from '../shared/audit.js';
import type { Ctx } from '../shared/context.js';
import { DomainError, notFound } from '../shared/errors.js';
import type { ScoringModel, UpdateScoringModelInput } from './scoring-model-api.schema.js';

/** Only drafts change; a published or retired model is history (copy it into a new draft instead). */
export async function updateScoringModel(ctx: Ctx, id: string, input: UpdateScoringModelInput): Promise<ScoringModel> {
  authorize(ctx, 'scoring:write');
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(scoringModels).where(eq(scoringModels.id, id)).for('update');
    if (!before) throw notFound('scoring model', id);
    if (before.status !== 'draft') {
      throw new DomainError('model_not_draft', `Version ${before.version} is ${before.status}; it is never changed in place. Start a new draft from it.`);
    }
    const [row] = await tx.update(scoringModels).set(input).where(eq(scoringModels.id, id)).returning();
    await recordAudit(tx, ctx.actor, now, [{ entity: 'scoring_model', entityId: id, action: 'update', before, after: row }]);
    return row as ScoringModel;
  });
}
