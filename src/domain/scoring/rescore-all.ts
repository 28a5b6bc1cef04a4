import type { Ctx } from '../shared/context.js';
import { liveScoringModel } from './list-scoring-models.js';
import { parsedDefinition } from './live-model-cache.js';
import { loadPopulation, touchesOf, touchNeeds } from './load-population.js';
import { mqlMove, scoreRow, writeScores, type MqlMove, type ScoreRow, type ScoreRun } from './score-people.js';
import { scorePerson } from './score-person.js';

/** People per write: one statement each (~1 MB of scores), short enough that requests interleave on PGlite. */
const WRITE_CHUNK = 1_000;

/**
 * Rescores every person under the live model (decay moves scores every day). The population is
 * read in bulk (load-population.ts: people once, touches by id range into typed arrays), scored
 * in process with the same pure rules as one person (score-person.ts), and written back a chunk
 * of people per statement, each its own transaction, so on embedded PGlite requests get the
 * database between chunks. While the database stores one chunk, the next is being scored.
 */
export async function rescoreAll(ctx: Ctx, options: { onChunk?: (done: number) => void; moveStages?: boolean } = {}): Promise<ScoreRun & { modelVersion: number | null }> {
  const model = await liveScoringModel(ctx);
  if (!model) return { scored: 0, becameMql: 0, modelVersion: null };
  const def = parsedDefinition(model);
  const moveStages = options.moveStages ?? true;
  const now = ctx.clock.now();
  const pop = await loadPopulation(ctx.db, touchNeeds([def]), { digests: true });
  const stored = (i: number) => pop.digests![i];
  const total: ScoreRun = { scored: 0, becameMql: 0 };
  // A failed write is kept (not left unhandled while the next chunk is scored) and thrown when awaited.
  let writing: Promise<unknown> | null = null;
  const settle = async () => { const failed = await writing; if (failed) throw failed; };
  for (let from = 0; from < pop.ids.length; from += WRITE_CHUNK) {
    const records: ScoreRow[] = [];
    const moves: MqlMove[] = [];
    const to = Math.min(from + WRITE_CHUNK, pop.ids.length);
    for (let i = from; i < to; i++) {
      const touches = touchesOf(pop, i);
      const s = scorePerson(def, pop.facts[i]!, touches, now);
      records.push(scoreRow(model, pop.ids[i]!, s));
      const move = moveStages ? mqlMove(def, pop.ids[i]!, pop.stages[i]!, pop.since[i]!, touches, s, now) : null;
      if (move) moves.push(move);
    }
    await settle();
    options.onChunk?.(total.scored);
    const offset = from;
    writing = writeScores(ctx, model, now, records, moves, (_r, k) => stored(offset + k)).then(() => null, (e: unknown) => e ?? new Error('write failed'));
    total.scored += records.length;
    total.becameMql += moves.length;
    // Let the write reach the database (it runs there while the next chunk is scored here).
    await new Promise((resolve) => setImmediate(resolve));
  }
  await settle();
  options.onChunk?.(total.scored);
  return { ...total, modelVersion: model.version };
}
