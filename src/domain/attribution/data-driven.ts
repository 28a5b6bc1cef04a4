import { linearWeights, normalize, type JourneyTouch, type ModelResult } from './journey.js';

/**
 * Applies channel shares fitted over all journeys (Markov removal effects or Shapley values) to one
 * journey: the channels present split the credit in proportion to their shares, and each
 * channel's part is split evenly over its touches. When no channel present has a share (a
 * channel nothing ever converted through), the journey falls back to linear, and says so.
 */
export function dataDriven(touches: readonly JourneyTouch[], channelShares: ArrayLike<number>): ModelResult {
  const n = touches.length;
  if (n === 0) return { weights: new Float64Array(0) };
  const perChannel = new Map<number, number>();
  for (const t of touches) perChannel.set(t.channel, (perChannel.get(t.channel) ?? 0) + 1);
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = touches[i]!.channel;
    w[i] = (channelShares[c] ?? 0) / perChannel.get(c)!;
  }
  const normalized = normalize(w);
  return normalized ? { weights: normalized } : { weights: linearWeights(n), fallback: 'linear' };
}
