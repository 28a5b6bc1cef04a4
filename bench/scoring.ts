import { openDatabase } from '../src/db/client.js';
import { createScoringModel } from '../src/domain/scoring/create-scoring-model.js';
import { liveScoringModel } from '../src/domain/scoring/list-scoring-models.js';
import { publishScoringModel } from '../src/domain/scoring/publish-scoring-model.js';
import { rescoreAll } from '../src/domain/scoring/rescore-all.js';
import { scorePeople } from '../src/domain/scoring/score-people.js';
import { fixedClock } from '../src/domain/shared/clock.js';
import { systemCtx } from '../src/domain/shared/context.js';
import { createLogger } from '../src/logger.js';
import type { Target } from './server-process.js';
import { fmt, percentile } from './stats.js';

const DAY = 86_400_000;

/**
 * People scored one at a time after a touch: the first WARM_UP not counted; 3,000 counted, so the
 * p99 is the 30th-largest figure (with 1,000 it was the 10th, and moved by ±1 ms from run to run).
 */
const SINGLE = 3_100;
const WARM_UP = 100;

/**
 * Scoring on a database holding the demo company (the server stopped): rescoring everyone the
 * day after it was scored (the daily decay: every engaged person's score moves), then the
 * incremental path a new touch takes — one touch written, that one person scored as a capture has
 * them scored (the stored score advanced by the touches after it, else scored from every touch;
 * stored when it changed) — timed for the scoring alone, in process; half
 * the touches fire a rule (the score changes), half fire none; last, everyone scored from their
 * touches again under a newly published model (the most a rescore writes).
 */
export async function benchScoring(target: Target, r: Record<string, string>, label: string): Promise<void> {
  const handle = await openDatabase('databaseUrl' in target ? { url: target.databaseUrl } : 'dataDir' in target ? { dataDir: target.dataDir } : { memory: true });
  try {
    const { rows: [demo] } = await handle.pool.query<{ now: string }>(`select value->>'now' as now from settings where key = 'demo'`);
    const tomorrow = new Date(new Date(demo?.now ?? Date.now()).getTime() + DAY + 9 * 3_600_000);
    const ctx = systemCtx(handle, fixedClock(tomorrow), createLogger('silent'));
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const run = await rescoreAll(ctx, { moveStages: false });
    const cpu = process.cpuUsage(cpu0);
    r[`rescore everyone, ${label} demo (s; ${fmt(run.scored, 0)} people)`] = fmt((performance.now() - t0) / 1000, 1);
    // CPU of this process (with PGlite, its worker thread too): what the rescore costs whatever else runs on the machine.
    if (!('databaseUrl' in target)) r[`rescore everyone, ${label} demo, CPU s (main thread + PGlite worker)`] = fmt((cpu.user + cpu.system) / 1e6, 1);

    const { rows: people } = await handle.pool.query<{ id: string; account_id: string | null }>(
      `select id, account_id from people order by md5(id::text) limit ${SINGLE}`);
    // Every other touch fires a rule (a pricing page view: the score changes and is written); the
    // others fire none (the score is the stored one: nothing is written).
    const latencies: { fires: number[]; none: number[] } = { fires: [], none: [] };
    for (const [i, p] of people.entries()) {
      const fires = i % 2 === 1;
      await handle.pool.query(`insert into touchpoints (external_id, occurred_at, person_id, account_id, channel, kind, asset, side, recorded_by)
        values ($1, $2, $3, $4, 'web', 'page_view', $5, 'marketing', 'bench')`, [`bench-score-${Date.now()}-${i}`, tomorrow, p.id, p.account_id, fires ? '/pricing' : null]);
      const s0 = performance.now();
      // As a capture calls it: saying when the person's new touch happened (see advance-scores.ts).
      await scorePeople(ctx, [p.id], undefined, { firstAt: new Map([[p.id, tomorrow]]) });
      if (i >= WARM_UP) latencies[fires ? 'fires' : 'none'].push(performance.now() - s0);
    }
    const all = [...latencies.fires, ...latencies.none];
    r[`score one person after a touch, p50 ms (${label} demo)`] = fmt(percentile(all, 50), 2);
    r[`score one person after a touch, p99 ms (${label} demo)`] = fmt(percentile(all, 99), 2);
    r[`… the touch fires a rule (score written), p50 / p99 ms (${label} demo)`] = `${fmt(percentile(latencies.fires, 50), 2)} / ${fmt(percentile(latencies.fires, 99), 2)}`;
    r[`… the touch fires no rule (nothing written), p50 / p99 ms (${label} demo)`] = `${fmt(percentile(latencies.none, 50), 2)} / ${fmt(percentile(latencies.none, 99), 2)}`;

    // A new model published: the live rules with every label reworded, so every score (another
    // model) and every explanation (other labels) is rewritten — the most a rescore ever writes.
    const live = (await liveScoringModel(ctx))!;
    const definition = structuredClone(live.definition) as { fit: { label: string }[]; engagement: { label: string }[] };
    for (const rule of [...definition.fit, ...definition.engagement]) rule.label = `${rule.label} ·`;
    const draft = await createScoringModel(ctx, { name: `${live.name} (bench)`, definition: definition as never });
    await publishScoringModel(ctx, draft.id);
    const f0 = performance.now();
    const fcpu0 = process.cpuUsage();
    const full = await rescoreAll(ctx, { moveStages: false });
    const fcpu = process.cpuUsage(fcpu0);
    r[`rescore everyone after a new model is published (every score and explanation rewritten), ${label} demo (s; ${fmt(full.scored, 0)} people)`] = fmt((performance.now() - f0) / 1000, 1);
    if (!('databaseUrl' in target)) r[`… CPU s (main thread + PGlite worker), ${label} demo`] = fmt((fcpu.user + fcpu.system) / 1e6, 1);
  } finally {
    await handle.close();
  }
}
