import { describe, expect, it } from 'vitest';
import { rocAuc } from './backtest-metrics.js';
import { fitLogisticRegression, predict } from './logistic-regression.js';

function random(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

/** People with three 0/1 traits; the truth: intercept −2, +1.5 for trait 0, +0.8 for trait 1, nothing for trait 2. */
function sample(n: number, seed: number) {
  const rnd = random(seed);
  const x: number[][] = [];
  const y: boolean[] = [];
  for (let i = 0; i < n; i++) {
    const row = [rnd() < 0.4 ? 1 : 0, rnd() < 0.5 ? 1 : 0, rnd() < 0.5 ? 1 : 0];
    const z = -2 + 1.5 * row[0]! + 0.8 * row[1]!;
    x.push(row);
    y.push(rnd() < 1 / (1 + Math.exp(-z)));
  }
  return { x, y };
}

describe('logistic regression', () => {
  it('recovers the weights that generated the data', () => {
    const { x, y } = sample(20_000, 3);
    const m = fitLogisticRegression(x, y, { lambda: 0.01 });
    expect(m.converged).toBe(true);
    expect(m.intercept).toBeCloseTo(-2, 0);
    expect(m.weights[0]).toBeGreaterThan(1.3);
    expect(m.weights[0]).toBeLessThan(1.7);
    expect(m.weights[1]).toBeGreaterThan(0.6);
    expect(m.weights[1]).toBeLessThan(1.0);
    expect(Math.abs(m.weights[2]!)).toBeLessThan(0.15);
  });

  it('shrinks weights as the penalty grows', () => {
    const { x, y } = sample(2_000, 5);
    const loose = fitLogisticRegression(x, y, { lambda: 0.01 });
    const tight = fitLogisticRegression(x, y, { lambda: 1_000 });
    expect(Math.abs(tight.weights[0]!)).toBeLessThan(Math.abs(loose.weights[0]!) / 2);
  });

  it('ranks held-out people better than chance', () => {
    const train = sample(5_000, 11);
    const test = sample(2_000, 12);
    const m = fitLogisticRegression(train.x, train.y);
    const auc = rocAuc(test.x.map((r) => predict(m, r)), test.y)!;
    expect(auc).toBeGreaterThan(0.68);
  });

  it('survives a trait nobody has and a sample where nobody converted', () => {
    const m = fitLogisticRegression([[0, 1], [0, 0], [0, 1]], [false, false, false]);
    expect(Number.isFinite(m.intercept)).toBe(true);
    expect(m.weights[0]).toBe(0);
  });
});
