import { eq } from 'drizzle-orm';
import { personScoreExplanations, personScores, scoringModels } from '../../db/schema/index.js';
import { assertVisible } from '../identity/access/assert-visible.js';
import { authorize } from '../identity/access/authorize.js';
import type { Ctx } from '../shared/context.js';
import { explainAt, type StoredRule } from './score-person.js';

/** A person's score with its explanation (null before any model is live), for those who may see the person. */
export async function getPersonScore(ctx: Ctx, personId: string) {
  authorize(ctx, 'people:read');
  await assertVisible(ctx, 'person', personId);
  const [row] = await ctx.db.select({
    personId: personScores.personId, modelId: personScores.modelId, modelVersion: scoringModels.version,
    fit: personScores.fit, engagement: personScores.engagement, total: personScores.total, grade: personScores.grade,
    mqlReason: personScores.mqlReason, explanation: personScoreExplanations.explanation, scoredAt: personScores.scoredAt,
  }).from(personScores).innerJoin(scoringModels, eq(scoringModels.id, personScores.modelId))
    .leftJoin(personScoreExplanations, eq(personScoreExplanations.personId, personScores.personId))
    .where(eq(personScores.personId, personId));
  if (!row) return null;
  // Stored free of time; read as of when the score was made (what its figures say).
  return { ...row, explanation: explainAt((row.explanation ?? []) as StoredRule[], row.scoredAt) };
}
