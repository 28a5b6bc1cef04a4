import { eq, sql } from 'drizzle-orm';
import { scoringModels } from '../../db/schema/index.js';
import { authorize } from '../identity/access/authorize.js';
import { recordAudit } from '../shared/audit.js';
import type { Ctx } from '../shared/context.js';
import { DomainError, notFound } from '../shared/errors.js';
import { forgetLiveModel } from './live-model-cache.js';
import { loadScoringFacts } from './load-scoring-facts.js';
import { scorePerson } from './score-person.js';
import { ScoringDefinition } from './scoring-model.schema.js';
import type { ScoringModel } from './scoring-model-api.schema.js';

const SAMPLE = 5_000;
const MIN_SAMPLE = 20;

/**
 * Refuses a model that would flood sales (every person an MQL) or tell nobody apart (everyone
 * the same score), judged on the most recently active people.
 */
async function assertSafe(ctx: Ctx, model: ScoringModel): Promise<void> {
  const def = ScoringDefinition.parse(model.definition);
  const { rows } = await ctx.db.execute<{ id: string }>(sql`select id from people order by updated_at desc limit ${SAMPLE}`);
  if (rows.length < MIN_SAMPLE) return;
  const now = ctx.clock.now();
  const scores = (await loadScoringFacts(ctx.db, rows.map((r) => r.id))).map((s) => scorePerson(def, s.facts, s.touches, now));
  const byScore = scores.filter((s) => s.mqlReason === 'score').length;
  if (byScore === scores.length) {
    throw new DomainError('model_unsafe', `Every one of the ${scores.length} most recent people would be an MQL by score (threshold ${def.mqlThreshold}); raise the threshold.`,
      [{ path: 'definition.mqlThreshold', message: 'every person would cross it' }]);
  }
  if (new Set(scores.map((s) => s.total)).size === 1) {
    throw new DomainError('model_unsafe', `All ${scores.length} most recent people get the same score (${scores[0]!.total}); the rules tell nobody apart.`,
      [{ path: 'definition', message: 'no rule separates people' }]);
  }
}

/** Makes a draft the live model: the previous live one is retired, never edited. */
export async function publishScoringModel(ctx: Ctx, id: string): Promise<ScoringModel> {
  authorize(ctx, 'scoring:write');
  const [draft] = await ctx.db.select().from(scoringModels).where(eq(scoringModels.id, id));
  if (!draft) throw notFound('scoring model', id);
  if (draft.status !== 'draft') throw new DomainError('model_not_draft', `Version ${draft.version} is already ${draft.status}.`);
  await assertSafe(ctx, draft as ScoringModel);
  const now = ctx.clock.now();
  const published = await ctx.db.transaction(async (tx) => {
    const retired = await tx.update(scoringModels).set({ status: 'retired', retiredAt: now })
      .where(eq(scoringModels.status, 'published')).returning({ id: scoringModels.id });
    const [row] = await tx.update(scoringModels).set({ status: 'published', publishedAt: now })
      .where(sql`${scoringModels.id} = ${id}::uuid and ${scoringModels.status} = 'draft'`).returning();
    if (!row) throw new DomainError('model_not_draft', 'The draft changed while publishing; try again.');
    await recordAudit(tx, ctx.actor, now, [
      { entity: 'scoring_model', entityId: id, action: 'publish', before: draft, after: row },
      ...retired.map((r) => ({ entity: 'scoring_model', entityId: r.id, action: 'retire' })),
    ]);
    return row as ScoringModel;
  });
  forgetLiveModel(ctx.db);
  return published;
}
