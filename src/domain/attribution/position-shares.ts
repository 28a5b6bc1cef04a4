import { linearWeights, normalize, type ModelResult } from './journey.js';
import type { Milestones } from './milestones.js';

/** Shares (any unit: percent or fractions) for each milestone and for the touches between. */
export type PositionShares = { ft: number; lc: number; oc: number; cw: number; between: number };

/**
 * The engine behind every position-based model (U, W, full path, custom, first touch, lead
 * creation): each milestone's share goes to its touch (a touch that is two milestones gets both
 * shares); the `between` share is spread evenly over the touches that are no milestone. A share
 * with nowhere to go (no touch between, no CW in a pipeline journey) is dropped and the rest
 * scaled back to 100%: so U-shaped becomes 50/50 with nothing between, and one touch that is
 * every milestone gets all of it. If nothing at all can be placed, the result is linear and
 * says so.
 */
export function positionWeights(n: number, m: Milestones, shares: PositionShares): ModelResult {
  const w = new Float64Array(n);
  if (n === 0) return { weights: w };
  const isMilestone = new Uint8Array(n);
  const place = (index: number | null, share: number) => {
    if (index === null || share <= 0) return;
    w[index] = w[index]! + share;
    isMilestone[index] = 1;
  };
  const mark = (index: number | null, share: number) => { if (index !== null && share > 0) isMilestone[index] = 1; };
  // Touches that are a milestone of the model (its share > 0) are not "between".
  mark(m.ft, shares.ft); mark(m.lc, shares.lc); mark(m.oc, shares.oc); mark(m.cw, shares.cw);
  let others = 0;
  for (let i = 0; i < n; i++) if (!isMilestone[i]) others++;
  place(m.ft, shares.ft); place(m.lc, shares.lc); place(m.oc, shares.oc); place(m.cw, shares.cw);
  if (others > 0 && shares.between > 0) {
    const each = shares.between / others;
    for (let i = 0; i < n; i++) if (!isMilestone[i]) w[i] = w[i]! + each;
  }
  const normalized = normalize(w);
  return normalized ? { weights: normalized } : { weights: linearWeights(n), fallback: 'linear' };
}
