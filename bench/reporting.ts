import { openDatabase } from '../src/db/client.js';
import { getMarketingCard } from '../src/domain/reporting/get-marketing-card.js';
import { getRepCard } from '../src/domain/reporting/get-rep-card.js';
import { getWaterfall } from '../src/domain/reporting/get-waterfall.js';
import { fixedClock } from '../src/domain/shared/clock.js';
import { systemCtx } from '../src/domain/shared/context.js';
import { createLogger } from '../src/logger.js';
import type { Target } from './server-process.js';
import { fmt, percentile } from './stats.js';

const RUNS = 40;

async function time(fn: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = -5; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    if (i >= 0) out.push(performance.now() - t0);
  }
  return out;
}

/**
 * The dashboard queries on the demo database (the server stopped), in process, each run 40 times
 * after 5 warm-ups: the waterfall (12 monthly cohorts, read from the funnel episodes the trigger
 * keeps), the report card of the rep owning the most deals (this quarter), and the marketing
 * scorecard of the whole team (this quarter) and of the program owner with the most campaigns.
 */
export async function benchReporting(target: Target, r: Record<string, string>, label: string): Promise<void> {
  const handle = await openDatabase('databaseUrl' in target ? { url: target.databaseUrl } : 'dataDir' in target ? { dataDir: target.dataDir } : { memory: true });
  try {
    const { rows: [demo] } = await handle.pool.query<{ now: string }>(`select value->>'now' as now from settings where key = 'demo'`);
    const ctx = systemCtx(handle, fixedClock(new Date(new Date(demo?.now ?? Date.now()).getTime() + 9 * 3_600_000)), createLogger('silent'));
    const { rows: [rep] } = await handle.pool.query<{ id: string }>(`select owner_id as id from opportunities where owner_id is not null group by owner_id order by count(*) desc limit 1`);
    const { rows: [owner] } = await handle.pool.query<{ id: string }>(`select owner_id as id from campaigns where owner_id is not null group by owner_id order by count(*) desc limit 1`);
    const cases: [string, () => Promise<unknown>][] = [
      ['waterfall by cohort month', () => getWaterfall(ctx, { by: 'cohort' })],
      ['waterfall by source', () => getWaterfall(ctx, { by: 'source' })],
      ['rep card, this quarter', () => getRepCard(ctx, rep!.id, { period: 'quarter' })],
      ['marketing scorecard, whole team, this quarter', () => getMarketingCard(ctx, null, { period: 'quarter' })],
      ['marketing scorecard, one program owner, this quarter', () => getMarketingCard(ctx, owner!.id, { period: 'quarter' })],
    ];
    for (const [name, fn] of cases) {
      const ms = await time(fn);
      r[`${name}, p50 / p95 ms (${label} demo)`] = `${fmt(percentile(ms, 50), 1)} / ${fmt(percentile(ms, 95), 1)}`;
    }
  } finally {
    await handle.close();
  }
}
