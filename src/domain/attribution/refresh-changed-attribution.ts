import { authorize } from '../identity/access/authorize.js';
import type { Ctx } from '../shared/context.js';
import { readAttributionConfig } from './attribution-settings.js';
import { refreshAttribution } from './refresh-attribution.js';
import { recomputeAttribution } from './recompute-attribution.js';
import { changedSince, savedWatermark, saveWatermark } from './watermark.js';

/**
 * Refreshes the credit of every deal touched since the last refresh (new or corrected touches of
 * its people, edits of the deal), a few hundred deals per transaction. The first call on a
 * database (no watermark yet: a fresh install, the demo just loaded) runs the full recompute
 * instead, which sets the watermark.
 */
export async function refreshChangedAttribution(ctx: Ctx): Promise<{ deals: number; ms: number; deferred?: boolean }> {
  authorize(ctx, 'attribution:write');
  const t0 = performance.now();
  const mark = await savedWatermark(ctx.db);
  if (!mark) {
    const full = await recomputeAttribution(ctx);
    return { deals: full.deals, ms: Math.round(performance.now() - t0) };
  }
  const config = await readAttributionConfig(ctx.db);
  const { opportunityIds, watermark } = await changedSince(ctx.db, config, mark);
  if (opportunityIds.length === 0 && watermark.touchId === mark.touchId && watermark.opportunityUpdatedAt === mark.opportunityUpdatedAt) return { deals: 0, ms: 0 };
  for (let i = 0; i < opportunityIds.length; i += 500) {
    const r = await refreshAttribution(ctx, opportunityIds.slice(i, i + 500));
    // A full recompute is running: it picks these changes up itself; the watermark stays put.
    if (r.deferred) return { deals: 0, ms: Math.round(performance.now() - t0), deferred: true };
  }
  await saveWatermark(ctx.db, watermark);
  return { deals: opportunityIds.length, ms: Math.round(performance.now() - t0) };
}
