import type { ModelResult } from './journey.js';
import type { Milestones } from './milestones.js';
import { positionWeights } from './position-shares.js';

/** U-shaped: 40% FT, 40% LC, 20% spread over the touches between; 50/50 with none between. */
export function uShaped(n: number, m: Milestones): ModelResult {
  return positionWeights(n, m, { ft: 40, lc: 40, oc: 0, cw: 0, between: 20 });
}
