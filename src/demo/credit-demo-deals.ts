import type { DbHandle } from '../db/client.js';
import { recomputeAttribution } from '../domain/attribution/recompute-attribution.js';
import { fixedClock } from '../domain/shared/clock.js';
import { systemCtx } from '../domain/shared/context.js';
import { createLogger } from '../logger.js';

/**
 * Credits every demo deal (the full attribution recompute, which also sets the refresh
 * watermark), in the process loading the demo. Otherwise the server's first refresh tick would run
 * that recompute itself: on embedded PGlite its large queries grow the database's WASM heap for
 * good (a server holding the large demo went from ~450 MB to ~1.2 GB at rest).
 */
export async function creditDemoDeals(handle: DbHandle, now: Date): Promise<number> {
  const ctx = systemCtx(handle, fixedClock(now), createLogger('silent'), { type: 'system', id: 'demo', label: 'demo' });
  return (await recomputeAttribution(ctx)).deals;
}
