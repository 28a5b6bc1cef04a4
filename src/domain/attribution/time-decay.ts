import { normalize, type Journey, type ModelResult } from './journey.js';

export const DEFAULT_HALF_LIFE_DAYS = 7;
const DAY = 86_400_000;

/**
 * Time decay: a touch's weight halves every `halfLifeDays` before the milestone that ends the
 * journey (the opportunity's creation for pipeline credit, its close for revenue credit).
 * Computed relative to the newest touch so that very old touches never underflow to a silent 0
 * for every touch at once.
 */
export function timeDecay(j: Journey, halfLifeDays = DEFAULT_HALF_LIFE_DAYS): ModelResult {
  if (!(halfLifeDays > 0)) throw new RangeError('the half-life must be more than 0 days');
  const n = j.touches.length;
  const w = new Float64Array(n);
  if (n === 0) return { weights: w };
  const end = j.closedAt ?? j.opportunityCreatedAt;
  const newest = Math.min(end, j.touches[n - 1]!.at);
  for (let i = 0; i < n; i++) {
    const age = Math.max(0, newest - j.touches[i]!.at) / DAY;
    w[i] = Math.pow(2, -age / halfLifeDays);
  }
  return { weights: normalize(w)! };
}
