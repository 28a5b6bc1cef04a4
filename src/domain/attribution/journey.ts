/**
 * The pure attribution models work on one journey: the touches that count for one opportunity,
 * in time order, cut at the end of its window (the opportunity's creation for pipeline credit,
 * its close for revenue credit). Everything here is plain data and numbers, no database.
 */
export type TouchSide = 'marketing' | 'sales' | 'partner';

export type JourneyTouch = {
  /** Epoch milliseconds. */
  at: number;
  side: TouchSide;
  /** Index into the channel list the caller uses (data-driven models group by it). */
  channel: number;
};

export type Journey = {
  /** Sorted by time; ties keep the caller's order (the touch id), so results are deterministic. */
  touches: readonly JourneyTouch[];
  /** When the lead was created (first lifecycle stage of the earliest contact); null if unknown. */
  leadCreatedAt: number | null;
  opportunityCreatedAt: number;
  /** Set for revenue credit (a won deal's close); null for pipeline credit. */
  closedAt: number | null;
};

/** What a model gives each touch, summing to 1 (or an empty array for a journey with no touches). */
export type Weights = Float64Array;

export type ModelResult = {
  weights: Weights;
  /** Set when the model could not apply as defined and fell back to linear (shown, never silent). */
  fallback?: 'linear';
};

export function linearWeights(n: number): Weights {
  return new Float64Array(n).fill(n ? 1 / n : 0);
}

/** Scales weights to sum to 1; returns null when they sum to nothing. */
export function normalize(w: Weights): Weights | null {
  let total = 0;
  for (const x of w) total += x;
  if (!(total > 0)) return null;
  for (let i = 0; i < w.length; i++) w[i] = w[i]! / total;
  return w;
}
