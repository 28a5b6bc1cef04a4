import type { Database } from '../../db/client.js';
import type { Ctx } from '../shared/context.js';
import { liveScoringModel } from './list-scoring-models.js';
import { ScoringDefinition } from './scoring-model.schema.js';
import type { ScoringModel } from './scoring-model-api.schema.js';

/**
 * The live model, kept in memory: every form post scores its person, and the live model changes
 * only on publish. Per database, `TTL_MS` at most (another process's publish is seen within that
 * time); this process's publish calls `forgetLiveModel` and is seen at once.
 */
const TTL_MS = 5_000;
const caches = new WeakMap<Database, { model: ScoringModel | null; at: number }>();
const parsed = new WeakMap<ScoringModel, ScoringDefinition>();

export async function cachedLiveModel(ctx: Ctx): Promise<ScoringModel | null> {
  const hit = caches.get(ctx.db);
  const now = Date.now(); // freshness of a cache, not a rule of the domain: wall time
  if (hit && now - hit.at < TTL_MS) return hit.model;
  const model = await liveScoringModel(ctx);
  caches.set(ctx.db, { model, at: now });
  return model;
}

/** The model's definition, validated once per loaded model. */
export function parsedDefinition(model: ScoringModel): ScoringDefinition {
  let def = parsed.get(model);
  if (!def) parsed.set(model, (def = ScoringDefinition.parse(model.definition)));
  return def;
}

export function forgetLiveModel(db: Database): void {
  caches.delete(db);
}
