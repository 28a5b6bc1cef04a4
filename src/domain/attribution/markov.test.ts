import { describe, expect, it } from 'vitest';
import { dataDriven } from './data-driven.js';
import { conversionProbability, removalEffects, TransitionCounts } from './markov.js';
import { markovShapley, shapleyValues } from './shapley.js';

const A = 0;
const B = 1;

/** The textbook example: A→B→conversion, A→null, B→conversion. */
function textbook(): TransitionCounts {
  const tc = new TransitionCounts(2);
  tc.addPath([A, B], true);
  tc.addPath([A], false);
  tc.addPath([B], true);
  return tc;
}

/**
 * An independent computation: pushes the probability mass of START through the transition
 * matrix step by step (no linear algebra) until almost all of it is absorbed.
 */
function simulateMass(tc: TransitionCounts, kept: number): number {
  const k = tc.channels;
  const row = (from: number | 'start') => {
    const out = Array.from({ length: k + 2 }, (_, t) => tc.count(from, t === k ? 'conversion' : t === k + 1 ? 'null' : t));
    const total = out.reduce((a, b) => a + b, 0);
    return out.map((x) => (total ? x / total : 0));
  };
  const P = Array.from({ length: k }, (_, c) => row(c));
  let mass = new Array<number>(k).fill(0);
  let converted = 0;
  const start = row('start');
  converted += start[k]!;
  for (let c = 0; c < k; c++) if (kept & (1 << c)) mass[c] = start[c]!;
  for (let step = 0; step < 20_000; step++) {
    const next = new Array<number>(k).fill(0);
    for (let c = 0; c < k; c++) {
      if (!mass[c]) continue;
      converted += mass[c]! * P[c]![k]!;
      for (let d = 0; d < k; d++) if (kept & (1 << d)) next[d] = next[d]! + mass[c]! * P[c]![d]!;
    }
    mass = next;
    if (mass.reduce((a, b) => a + b, 0) < 1e-15) break;
  }
  return converted;
}

/** Shapley by its other definition: the average marginal worth over every order of arrival. */
function shapleyByPermutations(n: number, v: (mask: number) => number): number[] {
  const orders: number[][] = [];
  const gen = (rest: number[], acc: number[]) => {
    if (!rest.length) orders.push(acc);
    for (const p of rest) gen(rest.filter((x) => x !== p), [...acc, p]);
  };
  gen(Array.from({ length: n }, (_, i) => i), []);
  const phi = new Array<number>(n).fill(0);
  for (const order of orders) {
    let mask = 0;
    for (const p of order) { phi[p] = phi[p]! + v(mask | (1 << p)) - v(mask); mask |= 1 << p; }
  }
  return phi.map((x) => x / orders.length);
}

function generated(seed: number, channels: number, journeys: number): TransitionCounts {
  let s = seed;
  const rnd = () => ((s = (s * 48271) % 2147483647) / 2147483647);
  const tc = new TransitionCounts(channels);
  for (let j = 0; j < journeys; j++) {
    const len = 1 + Math.floor(rnd() * 6);
    const path = Array.from({ length: len }, () => Math.floor(rnd() ** 1.5 * channels));
    // Channels 0 and 1 convert more often: the model should find them.
    const p = 0.05 + (path.includes(0) ? 0.3 : 0) + (path.includes(1) ? 0.15 : 0);
    tc.addPath(path, rnd() < p);
  }
  return tc;
}

describe('Markov removal effect', () => {
  it('solves the textbook chain exactly: P = 2/3, removal effects A 0.5 and B 1, shares 1/3 and 2/3', () => {
    const r = removalEffects(textbook());
    expect(r.conversionProbability).toBeCloseTo(2 / 3, 14);
    expect(Array.from(r.removalEffects)).toEqual([expect.closeTo(0.5, 14), expect.closeTo(1, 14)]);
    expect(Array.from(r.shares)).toEqual([expect.closeTo(1 / 3, 14), expect.closeTo(2 / 3, 14)]);
  });

  it('counts the transitions of converting and non-converting journeys alike', () => {
    const tc = textbook();
    expect([tc.count('start', A), tc.count('start', B), tc.count(A, B), tc.count(A, 'null'), tc.count(B, 'conversion')]).toEqual([2, 1, 1, 1, 2]);
    expect([tc.journeys, tc.conversions]).toEqual([3, 2]);
  });

  it('agrees with pushing the probability mass through the chain, with and without each channel, on a generated journey set', () => {
    const tc = generated(11, 8, 5_000);
    const all = (1 << 8) - 1;
    expect(conversionProbability(tc, all)).toBeCloseTo(simulateMass(tc, all), 10);
    for (let c = 0; c < 8; c++) expect(conversionProbability(tc, all & ~(1 << c))).toBeCloseTo(simulateMass(tc, all & ~(1 << c)), 10);
    const r = removalEffects(tc);
    expect(r.shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    // The channels that lift conversion get the largest shares.
    const ranked = Array.from(r.shares).map((s, c) => [s, c] as const).sort((x, y) => y[0] - x[0]).map(([, c]) => c);
    expect(ranked.slice(0, 2).sort()).toEqual([0, 1]);
  });

  it('gives no credit when nothing converts, rather than dividing by zero', () => {
    const tc = new TransitionCounts(3);
    tc.addPath([0, 1], false);
    const r = removalEffects(tc);
    expect(r.conversionProbability).toBe(0);
    expect(Array.from(r.shares)).toEqual([0, 0, 0]);
  });
});

describe('Shapley values', () => {
  it('solves the textbook chain by hand: A 1/6, B 1/2, summing to P(conversion)', () => {
    const r = markovShapley(textbook())!;
    expect(Array.from(r.values)).toEqual([expect.closeTo(1 / 6, 14), expect.closeTo(1 / 2, 14)]);
    expect(Array.from(r.shares)).toEqual([expect.closeTo(0.25, 14), expect.closeTo(0.75, 14)]);
  });

  it('matches the average over every order of arrival on a generated journey set', () => {
    const tc = generated(5, 5, 2_000);
    const v = (mask: number) => conversionProbability(tc, mask);
    const exact = shapleyValues(5, v);
    shapleyByPermutations(5, v).forEach((x, i) => expect(exact[i]).toBeCloseTo(x, 12));
    expect(exact.reduce((a, b) => a + b, 0)).toBeCloseTo(v(31), 12);
  });

  it('works up to 12 channels and refuses more', () => {
    expect(markovShapley(generated(3, 12, 3_000))!.shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(markovShapley(new TransitionCounts(13))).toBeNull();
    expect(() => shapleyValues(13, () => 0)).toThrow(RangeError);
  });
});

describe('data-driven credit for one journey', () => {
  const t = (channel: number) => ({ at: 0, side: 'marketing' as const, channel });
  it('splits by channel share, then evenly over each channel\'s touches', () => {
    const r = dataDriven([t(A), t(B), t(B)], [1 / 3, 2 / 3]);
    expect(Array.from(r.weights)).toEqual([expect.closeTo(1 / 3, 14), expect.closeTo(1 / 3, 14), expect.closeTo(1 / 3, 14)]);
    const r2 = dataDriven([t(A), t(B), t(B)], [0.5, 0.25]);
    expect(Array.from(r2.weights)).toEqual([expect.closeTo(2 / 3, 14), expect.closeTo(1 / 6, 14), expect.closeTo(1 / 6, 14)]);
  });
  it('falls back to linear, flagged, when no channel present ever earned a share', () => {
    const r = dataDriven([t(2), t(2)], [0.5, 0.5, 0]);
    expect(r.fallback).toBe('linear');
    expect(Array.from(r.weights)).toEqual([0.5, 0.5]);
  });
});
