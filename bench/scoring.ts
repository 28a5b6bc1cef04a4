import { openDatabase } from '../src/db/client.js';
import { rescoreAll } from '../src/domain/scoring/rescore-all.js';
import { scorePeople } from '../src/domain/scoring/score-people.js';
import { fixedClock } from '../src/domain/shared/clock.js';
import { systemCtx } from '../src/domain/shared/context.js';
import { createLogger } from '../src/logger.js';
import type { Target } from './server-process.js';
import { fmt, percentile } from './stats.js';

const DAY = 86_400_000;

/**
 * Scoring on a database holding the demo company (the server stopped): rescoring everyone the
 * day after it was scored (decay moves every engaged person's score, so every row is rewritten),
 * then the incremental path a new touch takes — one touch written, that one person scored
 * (facts, touches, score, stored with its MQL move) — timed for the scoring alone, in process.
 */
export async function benchScoring(target: Target, r: Record<string, string>, label: string): Promise<void> {
  const handle = await openDatabase('databaseUrl' in target ? { url: target.databaseUrl } : 'dataDir' in target ? { dataDir: target.dataDir } : { memory: true });
  try {
    const { rows: [demo] } = await handle.pool.query<{ now: string }>(`select value->>'now' as now from settings where key = 'demo'`);
    const tomorrow = new Date(new Date(demo?.now ?? Date.now()).getTime() + DAY + 9 * 3_600_000);
    const ctx = systemCtx(handle, fixedClock(tomorrow), createLogger('silent'));
    const t0 = performance.now();
    const run = await rescoreAll(ctx, { moveStages: false });
    r[`rescore everyone, ${label} demo (s; ${fmt(run.scored, 0)} people)`] = fmt((performance.now() - t0) / 1000, 1);

    const { rows: people } = await handle.pool.query<{ id: string; account_id: string | null }>(
      `select id, account_id from people order by md5(id::text) limit 220`);
    const latencies: number[] = [];
    for (const [i, p] of people.entries()) {
      await handle.pool.query(`insert into touchpoints (external_id, occurred_at, person_id, account_id, channel, kind, side, recorded_by)
        values ($1, $2, $3, $4, 'web', 'page_view', 'marketing', 'bench')`, [`bench-score-${Date.now()}-${i}`, tomorrow, p.id, p.account_id]);
      const s0 = performance.now();
      await scorePeople(ctx, [p.id]);
      if (i >= 20) latencies.push(performance.now() - s0);
    }
    r[`score one person after a touch, p50 ms (${label} demo)`] = fmt(percentile(latencies, 50), 2);
    r[`score one person after a touch, p99 ms (${label} demo)`] = fmt(percentile(latencies, 99), 2);
  } finally {
    await handle.close();
  }
}
