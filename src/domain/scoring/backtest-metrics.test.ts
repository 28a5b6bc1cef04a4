import { describe, expect, it } from 'vitest';
import { rocAuc, topDecileLift } from './backtest-metrics.js';

/** The definition, by brute force over every converter/non-converter pair. */
function pairwiseAuc(scores: number[], y: boolean[]): number {
  let wins = 0;
  let pairs = 0;
  scores.forEach((sp, i) => {
    if (!y[i]) return;
    scores.forEach((sn, j) => {
      if (y[j]) return;
      pairs++;
      wins += sp > sn ? 1 : sp === sn ? 0.5 : 0;
    });
  });
  return wins / pairs;
}

function random(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

describe('ROC AUC', () => {
  it('is 1 for a perfect ranking, 0 for a reversed one, 0.5 when every score ties', () => {
    expect(rocAuc([1, 2, 3, 4], [false, false, true, true])).toBe(1);
    expect(rocAuc([4, 3, 2, 1], [false, false, true, true])).toBe(0);
    expect(rocAuc([5, 5, 5, 5], [true, false, true, false])).toBe(0.5);
  });

  it('equals the pairwise definition on noisy data with ties', () => {
    const rnd = random(7);
    const y = Array.from({ length: 400 }, () => rnd() < 0.2);
    const scores = y.map((c) => Math.round((c ? 2 : 0) + rnd() * 6));
    expect(rocAuc(scores, y)).toBeCloseTo(pairwiseAuc(scores, y), 12);
  });

  it('is undefined without both outcomes', () => {
    expect(rocAuc([1, 2], [true, true])).toBeNull();
  });
});

describe('top-decile lift', () => {
  it('divides the conversion rate of the top 10 % by the overall rate', () => {
    // 100 people, 10 converters; the top 10 by score hold 6 of them: lift (6/10) / (10/100) = 6.
    const scores = Array.from({ length: 100 }, (_, i) => 100 - i);
    const y = scores.map((_, i) => (i < 10 ? i < 6 : i < 14));
    expect(topDecileLift(scores, y)).toBeCloseTo(6, 12);
  });

  it('is 1 for a score that knows nothing', () => {
    const y = Array.from({ length: 50 }, (_, i) => i % 5 === 0);
    expect(topDecileLift(y.map(() => 1), y.map((_, i) => i % 10 === 0 || i % 10 === 5))).toBe(1);
  });
});
