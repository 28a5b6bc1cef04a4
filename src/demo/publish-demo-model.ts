import type { DbHandle } from '../db/client.js';
import { createScoringModel } from '../domain/scoring/create-scoring-model.js';
import { publishScoringModel } from '../domain/scoring/publish-scoring-model.js';
import { rescoreAll } from '../domain/scoring/rescore-all.js';
import { ScoringDefinition } from '../domain/scoring/scoring-model.schema.js';
import { fixedClock } from '../domain/shared/clock.js';
import { systemCtx } from '../domain/shared/context.js';
import { createLogger } from '../logger.js';
import { DEMO_SCORING_MODEL } from './demo-scoring-model.js';

/**
 * Publishes the demo's scoring model through the real use cases and scores everyone. Stages are
 * left as the generated journeys made them (the demo's funnel follows DOMAIN.md's rates).
 */
export async function publishDemoModel(handle: DbHandle, now: Date): Promise<number> {
  const ctx = systemCtx(handle, fixedClock(now), createLogger('silent'), { type: 'system', id: 'demo', label: 'demo' });
  const draft = await createScoringModel(ctx, { ...DEMO_SCORING_MODEL, definition: ScoringDefinition.parse(DEMO_SCORING_MODEL.definition) });
  await publishScoringModel(ctx, draft.id);
  return (await rescoreAll(ctx, { moveStages: false })).scored;
}
