import type { ModelResult } from './journey.js';
import type { Milestones } from './milestones.js';
import { positionWeights } from './position-shares.js';

/** W-shaped: 30% FT, 30% LC, 30% OC, 10% spread over the other touches. */
export function wShaped(n: number, m: Milestones): ModelResult {
  return positionWeights(n, m, { ft: 30, lc: 30, oc: 30, cw: 0, between: 10 });
}
