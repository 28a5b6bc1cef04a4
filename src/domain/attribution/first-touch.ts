import type { ModelResult } from './journey.js';
import type { Milestones } from './milestones.js';
import { positionWeights } from './position-shares.js';

/** First touch: 100% to the first touch in the window. */
export function firstTouch(n: number, m: Milestones): ModelResult {
  return positionWeights(n, m, { ft: 1, lc: 0, oc: 0, cw: 0, between: 0 });
}
