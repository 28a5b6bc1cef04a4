import type { Issue } from '../shared/errors.js';
import type { ModelResult } from './journey.js';
import type { Milestones } from './milestones.js';
import { positionWeights, type PositionShares } from './position-shares.js';

/** The default custom weights (percent): W-shaped with a CW share, until marketing sets its own. */
export const DEFAULT_CUSTOM_WEIGHTS: PositionShares = { ft: 25, lc: 25, oc: 25, cw: 15, between: 10 };

/** Problems with user weights: each must be a number from 0 to 100 and they must sum to 100. */
export function customWeightIssues(w: PositionShares, path = 'customWeights'): Issue[] {
  const issues: Issue[] = [];
  for (const key of ['ft', 'lc', 'oc', 'cw', 'between'] as const) {
    const v = w[key];
    if (!Number.isFinite(v) || v < 0 || v > 100) issues.push({ path: `${path}.${key}`, message: 'must be a number from 0 to 100' });
  }
  const sum = w.ft + w.lc + w.oc + w.cw + w.between;
  if (issues.length === 0 && Math.abs(sum - 100) > 1e-6) {
    issues.push({ path, message: `the weights must sum to 100%, they sum to ${Number(sum.toFixed(4))}%` });
  }
  return issues;
}

/** Custom: the user's percent per milestone and for the touches between, by the same rules as U/W. */
export function custom(n: number, m: Milestones, weights: PositionShares): ModelResult {
  return positionWeights(n, m, weights);
}
