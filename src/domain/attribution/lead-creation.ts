import type { ModelResult } from './journey.js';
import type { Milestones } from './milestones.js';
import { positionWeights } from './position-shares.js';

/** Lead creation: 100% to the touch that created the lead (see milestones.ts for the fallback). */
export function leadCreation(n: number, m: Milestones): ModelResult {
  return positionWeights(n, m, { ft: 0, lc: 1, oc: 0, cw: 0, between: 0 });
}
