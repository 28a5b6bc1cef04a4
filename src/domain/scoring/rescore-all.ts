import { sql } from 'drizzle-orm';
import type { Ctx } from '../shared/context.js';
import { liveScoringModel } from './list-scoring-models.js';
import { scorePeople, type ScoreRun } from './score-people.js';

const CHUNK = 1_000;

/**
 * Rescores every person under the live model (decay moves scores every day), a chunk of people
 * per transaction so that, on embedded PGlite, requests get the database between chunks.
 */
export async function rescoreAll(ctx: Ctx, options: { onChunk?: (done: number) => void; moveStages?: boolean } = {}): Promise<ScoreRun & { modelVersion: number | null }> {
  const model = await liveScoringModel(ctx);
  if (!model) return { scored: 0, becameMql: 0, modelVersion: null };
  let after = '00000000-0000-0000-0000-000000000000';
  const total: ScoreRun = { scored: 0, becameMql: 0 };
  for (;;) {
    const { rows } = await ctx.db.execute<{ id: string }>(sql`select id from people where id > ${after}::uuid order by id limit ${CHUNK}`);
    if (rows.length === 0) break;
    const run = await scorePeople(ctx, rows.map((r) => r.id), model, { moveStages: options.moveStages ?? true });
    total.scored += run.scored;
    total.becameMql += run.becameMql;
    options.onChunk?.(total.scored);
    after = rows[rows.length - 1]!.id;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { ...total, modelVersion: model.version };
}
