import type { ModelResult } from './journey.js';

/**
 * Last touch: 100% to the last touch of the journey, which ends at the opportunity's creation for
 * pipeline credit and at its close for revenue credit.
 */
export function lastTouch(n: number): ModelResult {
  const w = new Float64Array(n);
  if (n) w[n - 1] = 1;
  return { weights: w };
}
