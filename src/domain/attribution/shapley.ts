import { conversionProbability, type TransitionCounts } from './markov.js';

/** Exact Shapley values enumerate 2^n coalitions: above this many channels they are not computed. */
export const MAX_SHAPLEY_CHANNELS = 12;

/**
 * Exact Shapley values of a game on `n` players given by `value(mask)`, over every coalition:
 * phi_i = sum over S without i of |S|! (n-|S|-1)! / n! * (v(S+i) - v(S)).
 */
export function shapleyValues(n: number, value: (mask: number) => number): Float64Array {
  if (n > MAX_SHAPLEY_CHANNELS) throw new RangeError(`Shapley values are computed for at most ${MAX_SHAPLEY_CHANNELS} channels, not ${n}`);
  const size = 1 << n;
  const v = new Float64Array(size);
  for (let s = 0; s < size; s++) v[s] = value(s);
  const fact = [1];
  for (let i = 1; i <= n; i++) fact.push(fact[i - 1]! * i);
  const phi = new Float64Array(n);
  for (let s = 0; s < size; s++) {
    const k = popcount(s);
    if (k === n) continue;
    const weight = (fact[k]! * fact[n - k - 1]!) / fact[n]!;
    for (let i = 0; i < n; i++) {
      if (s & (1 << i)) continue;
      phi[i] = phi[i]! + weight * (v[s | (1 << i)]! - v[s]!);
    }
  }
  return phi;
}

function popcount(x: number): number {
  let c = 0;
  for (; x; x &= x - 1) c++;
  return c;
}

export type ShapleyResult = { values: Float64Array; shares: Float64Array };

/**
 * Shapley attribution over the fitted Markov chain: a coalition's worth is the conversion
 * probability of the chain that keeps only its channels. Unlike the removal effect (each channel
 * left out alone), this averages each channel's marginal worth over every order of arrival; the
 * values sum to the full chain's conversion probability (efficiency). Returns null above
 * MAX_SHAPLEY_CHANNELS channels.
 */
export function markovShapley(tc: TransitionCounts): ShapleyResult | null {
  if (tc.channels > MAX_SHAPLEY_CHANNELS) return null;
  const values = shapleyValues(tc.channels, (mask) => conversionProbability(tc, mask));
  let total = 0;
  for (const v of values) total += Math.max(0, v);
  const shares = new Float64Array(tc.channels);
  if (total > 0) for (let c = 0; c < tc.channels; c++) shares[c] = Math.max(0, values[c]!) / total;
  return { values, shares };
}
