/**
 * Data-driven attribution, first-order Markov chain (Anderl et al. 2016): states are the channels,
 * plus START and two absorbing states, CONVERSION and NULL. Every journey, converting or not,
 * adds its transitions; the probability of reaching CONVERSION from START is solved exactly as
 * an absorbing chain, (I - Q) x = r, by Gaussian elimination (no simulation). A channel's removal
 * effect is the share of that probability lost when the channel is removed (every transition into
 * it goes to NULL instead); the model's channel shares are the removal effects normalized.
 */
export class TransitionCounts {
  readonly channels: number;
  /** Row `from` (0..channels-1 for channels, `channels` for START), column `to` (channels, then CONVERSION, NULL). */
  readonly counts: Float64Array;
  journeys = 0;
  conversions = 0;

  constructor(channels: number) {
    this.channels = channels;
    this.counts = new Float64Array((channels + 1) * (channels + 2));
  }

  private add(from: number, to: number, times = 1): void {
    const i = from * (this.channels + 2) + to;
    this.counts[i] = this.counts[i]! + times;
  }

  /** Adds one journey (its channel indices in time order); an empty journey adds nothing. */
  addPath(path: ArrayLike<number>, converted: boolean, times = 1): void {
    if (path.length === 0) return;
    const k = this.channels;
    this.add(k, path[0]!, times);
    for (let i = 1; i < path.length; i++) this.add(path[i - 1]!, path[i]!, times);
    this.add(path[path.length - 1]!, converted ? k : k + 1, times);
    this.journeys += times;
    if (converted) this.conversions += times;
  }

  count(from: number | 'start', to: number | 'conversion' | 'null'): number {
    const k = this.channels;
    const f = from === 'start' ? k : from;
    const t = to === 'conversion' ? k : to === 'null' ? k + 1 : to;
    return this.counts[f * (k + 2) + t]!;
  }
}

/**
 * P(reaching CONVERSION from START) with the channels in `kept` (a bit mask; default all) and
 * every other channel removed. Channels never left (no outgoing count) cannot be reached either.
 */
export function conversionProbability(tc: TransitionCounts, kept = (1 << tc.channels) - 1): number {
  const k = tc.channels;
  const width = k + 2;
  // Unknowns: x_c for kept channels. Row c: x_c - sum_d P(c->d) x_d = P(c->conv).
  const index = new Int32Array(k).fill(-1);
  let m = 0;
  for (let c = 0; c < k; c++) if (kept & (1 << c)) index[c] = m++;
  const a = new Float64Array(m * (m + 1));
  for (let c = 0; c < k; c++) {
    const row = index[c]!;
    if (row < 0) continue;
    let out = 0;
    for (let t = 0; t < width; t++) out += tc.counts[c * width + t]!;
    a[row * (m + 1) + row] = 1;
    if (out === 0) continue;
    for (let d = 0; d < k; d++) {
      const col = index[d]!;
      if (col >= 0) a[row * (m + 1) + col] = a[row * (m + 1) + col]! - tc.counts[c * width + d]! / out;
    }
    a[row * (m + 1) + m] = tc.counts[c * width + k]! / out;
  }
  const x = solve(a, m);
  let startOut = 0;
  for (let t = 0; t < width; t++) startOut += tc.counts[k * width + t]!;
  if (startOut === 0) return 0;
  let p = tc.counts[k * width + k]! / startOut;
  for (let d = 0; d < k; d++) if (index[d]! >= 0) p += (tc.counts[k * width + d]! / startOut) * x[index[d]!]!;
  return p;
}

/** Solves an m x m system given as an augmented matrix (row-major, m+1 columns), partial pivoting. */
function solve(a: Float64Array, m: number): Float64Array {
  const w = m + 1;
  for (let col = 0; col < m; col++) {
    let pivot = col;
    for (let r = col + 1; r < m; r++) if (Math.abs(a[r * w + col]!) > Math.abs(a[pivot * w + col]!)) pivot = r;
    if (pivot !== col) for (let j = 0; j < w; j++) { const t = a[col * w + j]!; a[col * w + j] = a[pivot * w + j]!; a[pivot * w + j] = t; }
    const p = a[col * w + col]!;
    if (Math.abs(p) < 1e-15) throw new RangeError('the Markov chain has a closed loop with no exit');
    for (let r = 0; r < m; r++) {
      if (r === col) continue;
      const f = a[r * w + col]! / p;
      if (f === 0) continue;
      for (let j = col; j < w; j++) a[r * w + j] = a[r * w + j]! - f * a[col * w + j]!;
    }
  }
  const x = new Float64Array(m);
  for (let r = 0; r < m; r++) x[r] = a[r * w + m]! / a[r * w + r]!;
  return x;
}

export type RemovalEffects = {
  /** P(conversion) of the full chain. */
  conversionProbability: number;
  /** Per channel: 1 - P(conversion without it) / P(conversion); 0 for a channel never seen. */
  removalEffects: Float64Array;
  /** Removal effects scaled to sum to 1 (all zero when nothing converts). */
  shares: Float64Array;
};

export function removalEffects(tc: TransitionCounts): RemovalEffects {
  const k = tc.channels;
  const all = (1 << k) - 1;
  const base = conversionProbability(tc, all);
  const effects = new Float64Array(k);
  let total = 0;
  for (let c = 0; c < k; c++) {
    if (base <= 0) break;
    const without = conversionProbability(tc, all & ~(1 << c));
    effects[c] = Math.max(0, 1 - without / base);
    total += effects[c]!;
  }
  const shares = new Float64Array(k);
  if (total > 0) for (let c = 0; c < k; c++) shares[c] = effects[c]! / total;
  return { conversionProbability: base, removalEffects: effects, shares };
}
