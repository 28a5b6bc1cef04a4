import type { ModelResult } from './journey.js';
import type { Milestones } from './milestones.js';
import { positionWeights } from './position-shares.js';

/**
 * Full path: 22.5% each to FT, LC, OC and CW, 10% spread over the others. Pipeline credit has no
 * CW yet, so its 22.5% is dropped and the rest scaled back to 100%.
 */
export function fullPath(n: number, m: Milestones): ModelResult {
  return positionWeights(n, m, { ft: 22.5, lc: 22.5, oc: 22.5, cw: 22.5, between: 10 });
}
