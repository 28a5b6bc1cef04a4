import { sql } from 'drizzle-orm';
import type { Ctx } from '../shared/context.js';
import { decayScores } from './decay-scores.js';
import { liveScoringModel } from './list-scoring-models.js';
import { parsedDefinition } from './live-model-cache.js';
import { loadPopulation, touchesOf, touchNeeds } from './load-population.js';
import { mqlMove, scorePeople, scoreRow, writeScores, type MqlMove, type ScoreRow, type ScoreRun, type StoredDigests } from './score-people.js';
import { scoreCore } from './score-person.js';
import type { ScoringDefinition } from './scoring-model.schema.js';
import type { ScoringModel } from './scoring-model-api.schema.js';

/** People per write: one statement each, short enough that requests interleave on PGlite. */
const WRITE_CHUNK = 1_000;
/** Up to this many people to score from their touches, a set-based read per chunk; beyond, the whole population is read in bulk. */
const BY_CHUNKS = 20_000;
const CHUNK = 500;

const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Rescores every person under the live model (decay moves scores every day), in two passes:
 *
 * 1. Every score the live model made is brought to now from its stored parts (decay-scores.ts:
 *    no touches read, explanations untouched, only moved figures rewritten).
 * 2. Everyone else — never scored, scored by another model (a model was published), parts that no
 *    longer hold (a pending badge-scan signal, a touch dated in the future), an MQL reason that
 *    changes — is scored from their fields and touches, as a new touch would score them: by chunks
 *    of people, or, when more than `fromPopulationAbove` (20,000), from the whole population read
 *    in bulk (load-population.ts).
 */
export async function rescoreAll(ctx: Ctx, options: { onChunk?: (done: number) => void; moveStages?: boolean; fromPopulationAbove?: number } = {}): Promise<ScoreRun & { modelVersion: number | null }> {
  const model = await liveScoringModel(ctx);
  if (!model) return { scored: 0, becameMql: 0, modelVersion: null };
  const def = parsedDefinition(model);
  const moveStages = options.moveStages ?? true;
  const now = ctx.clock.now();
  const decay = await decayScores(ctx, model, def, { moveStages, pause: breathe });
  const total: ScoreRun = { scored: decay.decayed - decay.rescore.length, becameMql: 0 };
  options.onChunk?.(total.scored);
  const { rows } = await ctx.db.execute<{ id: string }>(sql`select p.id from people p left join person_scores s on s.person_id = p.id
    where s.person_id is null or s.model_id <> ${model.id}::uuid or s.parts is null or s.explanation_digest is null or s.digest is null
      or s.due_at <= ${now}::timestamptz`);
  const fromTouches = [...new Set([...rows.map((r) => r.id), ...decay.rescore])];
  if (fromTouches.length > (options.fromPopulationAbove ?? BY_CHUNKS)) {
    const run = await rescoreFromPopulation(ctx, model, def, new Set(fromTouches), moveStages, (n) => options.onChunk?.(total.scored + n));
    total.scored += run.scored;
    total.becameMql += run.becameMql;
  } else {
    for (let i = 0; i < fromTouches.length; i += CHUNK) {
      const run = await scorePeople(ctx, fromTouches.slice(i, i + CHUNK), model, { moveStages });
      total.scored += run.scored;
      total.becameMql += run.becameMql;
      options.onChunk?.(total.scored);
      await breathe();
    }
  }
  return { ...total, modelVersion: model.version };
}

/**
 * Scores the people named from the population read in bulk (people once, touches by id range into
 * typed arrays), in process with the same pure rules as one person, written back a chunk of people
 * per statement, each its own transaction, so on embedded PGlite requests get the database between
 * chunks. While the database stores one chunk, the next is being scored.
 */
async function rescoreFromPopulation(ctx: Ctx, model: ScoringModel, def: ScoringDefinition, only: Set<string>, moveStages: boolean, onChunk: (done: number) => void): Promise<ScoreRun> {
  const now = ctx.clock.now();
  const pop = await loadPopulation(ctx.db, touchNeeds([def]), { digests: true });
  const total: ScoreRun = { scored: 0, becameMql: 0 };
  // A failed write is kept (not left unhandled while the next chunk is scored) and thrown when awaited.
  let writing: Promise<unknown> | null = null;
  const settle = async () => { const failed = await writing; if (failed) throw failed; };
  let records: ScoreRow[] = [];
  let stored: (StoredDigests | null)[] = [];
  let moves: MqlMove[] = [];
  const send = async () => {
    await settle();
    onChunk(total.scored);
    const digests = stored;
    writing = writeScores(ctx, model, now, records, moves, (_r, k) => digests[k]).then(() => null, (e: unknown) => e ?? new Error('write failed'));
    total.scored += records.length;
    total.becameMql += moves.length;
    records = []; stored = []; moves = [];
    // Let the write reach the database (it runs there while the next chunk is scored here).
    await breathe();
  };
  for (let i = 0; i < pop.ids.length; i++) {
    if (!only.has(pop.ids[i]!)) continue;
    const touches = touchesOf(pop, i);
    const s = scoreCore(def, pop.facts[i]!, touches, now);
    records.push(scoreRow(model, pop.ids[i]!, s));
    stored.push(pop.digests![i] ?? null);
    const move = moveStages ? mqlMove(def, pop.ids[i]!, pop.stages[i]!, pop.since[i]!, touches, s, now) : null;
    if (move) moves.push(move);
    if (records.length >= WRITE_CHUNK) await send();
  }
  if (records.length > 0) await send();
  await settle();
  onChunk(total.scored);
  return total;
}
