import { recomputeAttribution } from '../src/domain/attribution/recompute-attribution.js';
import { refreshChangedAttribution } from '../src/domain/attribution/refresh-changed-attribution.js';
import { openDatabase } from '../src/db/client.js';
import { fixedClock } from '../src/domain/shared/clock.js';
import { systemCtx } from '../src/domain/shared/context.js';
import { createLogger } from '../src/logger.js';
import type { Target } from './server-process.js';
import { fmt, percentile } from './stats.js';

/**
 * Attribution on a database holding the demo company (the server stopped): the full recompute
 * of every deal under the heuristic models, then under all models (Markov and Shapley fitted over
 * every journey), each run twice (the second rewrites existing rows); then the incremental path
 * a new touch takes — one touch written on a deal's contact, the changes since the last refresh
 * found and that deal recredited, rollups moved — timed in process.
 */
export async function benchAttribution(target: Target, r: Record<string, string>, label: string): Promise<void> {
  const handle = await openDatabase('databaseUrl' in target ? { url: target.databaseUrl } : 'dataDir' in target ? { dataDir: target.dataDir } : { memory: true });
  try {
    const { rows: [demo] } = await handle.pool.query<{ now: string }>(`select value->>'now' as now from settings where key = 'demo'`);
    const now = new Date(new Date(demo?.now ?? Date.now()).getTime() + 9 * 3_600_000);
    const ctx = systemCtx(handle, fixedClock(now), createLogger('silent'));
    for (const [name, dataDriven] of [['heuristic models', false], ['all models', true]] as const) {
      const times: number[] = [];
      let deals = 0;
      for (let i = 0; i < 2; i++) {
        const t0 = performance.now();
        deals = (await recomputeAttribution(ctx, { dataDriven })).deals;
        times.push((performance.now() - t0) / 1000);
      }
      r[`attribution full recompute, ${name}, ${label} demo (s; ${fmt(deals, 0)} deals)`] = `${fmt(times[0]!, 1)} / ${fmt(times[1]!, 1)}`;
    }
    const { rows: contacts } = await handle.pool.query<{ person_id: string; account_id: string | null }>(
      `select oc.person_id, p.account_id from opportunity_contacts oc join people p on p.id = oc.person_id order by md5(oc.person_id::text || oc.opportunity_id::text) limit 120`);
    const latencies: number[] = [];
    for (const [i, c] of contacts.entries()) {
      await handle.pool.query(`insert into touchpoints (external_id, occurred_at, person_id, account_id, channel, kind, side, recorded_by)
        values ($1, $2, $3, $4, 'email', 'email_click', 'marketing', 'bench')`, [`bench-attr-${Date.now()}-${i}`, new Date(now.getTime() - 3_600_000), c.person_id, c.account_id]);
      const t0 = performance.now();
      await refreshChangedAttribution(ctx);
      if (i >= 20) latencies.push(performance.now() - t0);
    }
    r[`attribution after one new touch, p50 ms (${label} demo)`] = fmt(percentile(latencies, 50), 1);
    r[`attribution after one new touch, p99 ms (${label} demo)`] = fmt(percentile(latencies, 99), 1);
  } finally {
    await handle.close();
  }
}
