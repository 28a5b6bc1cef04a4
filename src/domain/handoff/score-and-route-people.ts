import type { ScoringModel } from '../scoring/scoring-model-api.schema.js';
import { scorePeople, type ScoreOptions, type ScoreRun } from '../scoring/score-people.js';
import type { Ctx } from '../shared/context.js';
import { assignHandoffs } from './assign-handoffs.js';

/**
 * Scores these people and hands every new MQL to an owner at once, so a hand-raise has an owner
 * and a deadline before the form is answered. (Any MQL missed here — a crash in between — is
 * routed by the `route-waiting-mqls` job within seconds.)
 */
export async function scoreAndRoutePeople(ctx: Ctx, personIds: string[], model?: ScoringModel | null, options: Pick<ScoreOptions, 'firstAt'> = {}): Promise<ScoreRun & { routed: number }> {
  const run = await scorePeople(ctx, personIds, model, options);
  const routed = run.becameMql > 0 ? (await assignHandoffs(ctx, personIds)).length : 0;
  return { ...run, routed };
}
