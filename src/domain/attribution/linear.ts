import { linearWeights, type ModelResult } from './journey.js';

/** Linear: the same share to every touch in the window. */
export function linear(n: number): ModelResult {
  return { weights: linearWeights(n) };
}
