import { describe, expect, it } from 'vitest';
import { custom, customWeightIssues } from './custom.js';
import { firstTouch } from './first-touch.js';
import { fullPath } from './full-path.js';
import type { Journey, JourneyTouch, TouchSide } from './journey.js';
import { lastTouch } from './last-touch.js';
import { leadCreation } from './lead-creation.js';
import { linear } from './linear.js';
import { milestones } from './milestones.js';
import { timeDecay } from './time-decay.js';
import { uShaped } from './u-shaped.js';
import { wShaped } from './w-shaped.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1);
const touch = (day: number, side: TouchSide = 'marketing', channel = 0): JourneyTouch => ({ at: T0 + day * DAY, side, channel });
const journey = (touches: JourneyTouch[], o: { lead?: number | null; created: number; closed?: number | null }): Journey => ({
  touches, leadCreatedAt: o.lead === null || o.lead === undefined ? null : T0 + o.lead * DAY, opportunityCreatedAt: T0 + o.created * DAY,
  closedAt: o.closed === null || o.closed === undefined ? null : T0 + o.closed * DAY,
});
const arr = (w: Float64Array) => Array.from(w);
const close = (actual: Float64Array, expected: number[]) => {
  expect(actual.length).toBe(expected.length);
  expected.forEach((e, i) => expect(actual[i]).toBeCloseTo(e, 12));
};

// Four touches: lead created on day 10 (the second touch), a sales call on day 20, the deal created on day 30.
const pipeline = journey([touch(0), touch(10), touch(20, 'sales'), touch(30)], { lead: 10, created: 30 });
// The same deal won on day 40, with a sales meeting on day 35 (touches after the close are cut by the caller).
const revenue = journey([touch(0), touch(10), touch(20, 'sales'), touch(30), touch(35, 'sales')], { lead: 10, created: 30, closed: 40 });

describe('milestones', () => {
  it('finds FT, LC (last touch at the lead creation), OC (last marketing touch before the deal) and no CW for pipeline', () => {
    expect(milestones(pipeline)).toEqual({ ft: 0, lc: 1, oc: 3, cw: null, lcFromFirstTouch: false, ocNotMarketing: false });
  });
  it('puts CW on the last touch before the close for revenue', () => {
    expect(milestones(revenue)).toMatchObject({ ft: 0, lc: 1, oc: 3, cw: 4 });
  });
  it('takes the later of two touches at the same time as the lead-creation touch', () => {
    expect(milestones(journey([touch(5), touch(5), touch(9)], { lead: 5, created: 9 })).lc).toBe(1);
  });
  it('lets the first touch stand for lead creation when the lead had no touch before it, and says so', () => {
    expect(milestones(journey([touch(3), touch(4)], { lead: 1, created: 9 }))).toMatchObject({ lc: 0, lcFromFirstTouch: true });
    expect(milestones(journey([touch(3), touch(4)], { lead: null, created: 9 }))).toMatchObject({ lc: 0, lcFromFirstTouch: true });
  });
  it('falls back to the last touch of any side for OC when no marketing touch precedes the deal', () => {
    expect(milestones(journey([touch(1, 'sales'), touch(2, 'partner'), touch(5)], { lead: 1, created: 3, closed: 6 })))
      .toMatchObject({ oc: 1, ocNotMarketing: true, cw: 2 });
  });
  it('has no milestones for a journey with no touches', () => {
    expect(milestones(journey([], { created: 3 }))).toMatchObject({ ft: null, lc: null, oc: null, cw: null });
  });
});

describe('single-milestone models', () => {
  const m = milestones(pipeline);
  it('first touch gives everything to the first touch', () => expect(arr(firstTouch(4, m).weights)).toEqual([1, 0, 0, 0]));
  it('lead creation gives everything to the lead-creation touch', () => expect(arr(leadCreation(4, m).weights)).toEqual([0, 1, 0, 0]));
  it('last touch gives everything to the last touch of the window', () => {
    expect(arr(lastTouch(4).weights)).toEqual([0, 0, 0, 1]);
    expect(arr(lastTouch(5).weights)).toEqual([0, 0, 0, 0, 1]);
  });
  it('linear splits evenly', () => expect(arr(linear(4).weights)).toEqual([0.25, 0.25, 0.25, 0.25]));
});

describe('U-shaped', () => {
  it('gives 40/40 to FT and LC and 20% spread over the touches between', () => {
    close(uShaped(4, milestones(pipeline)).weights, [0.4, 0.4, 0.1, 0.1]);
  });
  it('is 50/50 when nothing lies between', () => {
    close(uShaped(2, milestones(journey([touch(0), touch(2)], { lead: 2, created: 5 }))).weights, [0.5, 0.5]);
  });
  it('gives one touch that is both FT and LC 100%', () => {
    close(uShaped(1, milestones(journey([touch(0)], { lead: 0, created: 5 }))).weights, [1]);
  });
  it('gives a touch that is FT and LC both shares when others follow', () => {
    close(uShaped(3, milestones(journey([touch(0), touch(1), touch(2)], { lead: 0, created: 5 }))).weights, [0.8, 0.1, 0.1]);
  });
});

describe('W-shaped', () => {
  it('gives 30% each to FT, LC and OC and 10% to the others', () => {
    close(wShaped(4, milestones(pipeline)).weights, [0.3, 0.3, 0.1, 0.3]);
  });
  it('scales 30/30/30 to thirds when there are only the three milestones', () => {
    close(wShaped(3, milestones(journey([touch(0), touch(1), touch(2)], { lead: 1, created: 2 }))).weights, [1 / 3, 1 / 3, 1 / 3]);
  });
  it('gives a touch that is LC and OC 60%', () => {
    close(wShaped(3, milestones(journey([touch(0), touch(1, 'sales'), touch(2)], { lead: 2, created: 2 }))).weights, [0.3, 0.1, 0.6]);
  });
});

describe('full path', () => {
  it('gives 22.5% to each of FT, LC, OC and CW and 10% to the rest, for revenue', () => {
    close(fullPath(5, milestones(revenue)).weights, [0.225, 0.225, 0.1, 0.225, 0.225]);
  });
  it('drops the CW share for pipeline credit and scales the rest back to 100%', () => {
    close(fullPath(4, milestones(pipeline)).weights, [22.5 / 77.5, 22.5 / 77.5, 10 / 77.5, 22.5 / 77.5]);
  });
});

describe('time decay', () => {
  it('halves a touch\'s weight every 7 days before the deal was created', () => {
    const raw = [30, 20, 10, 0].map((age) => 2 ** (-age / 7));
    const sum = raw.reduce((a, b) => a + b, 0);
    close(timeDecay(pipeline).weights, raw.map((r) => r / sum));
  });
  it('measures age from the close for revenue, with the half-life given', () => {
    const w = timeDecay(journey([touch(0), touch(10)], { created: 5, closed: 10 }), 10).weights;
    expect(w[1]! / w[0]!).toBeCloseTo(2, 12);
  });
  it('keeps touches a year old from underflowing to nothing', () => {
    close(timeDecay(journey([touch(0), touch(1)], { created: 4000 }), 0.5).weights, [1 / (1 + 4), 4 / (1 + 4)]);
  });
  it('refuses a half-life of zero', () => expect(() => timeDecay(pipeline, 0)).toThrow(RangeError));
});

describe('custom weights', () => {
  it('places the user\'s percentages per milestone', () => {
    close(custom(5, milestones(revenue), { ft: 10, lc: 20, oc: 30, cw: 40, between: 0 }).weights, [0.1, 0.2, 0, 0.3, 0.4]);
  });
  it('refuses weights that do not sum to 100%, naming the sum', () => {
    expect(customWeightIssues({ ft: 50, lc: 30, oc: 10, cw: 0, between: 0 })).toEqual([{ path: 'customWeights', message: 'the weights must sum to 100%, they sum to 90%' }]);
    expect(customWeightIssues({ ft: -5, lc: 105, oc: 0, cw: 0, between: 0 }).map((i) => i.path)).toEqual(['customWeights.ft', 'customWeights.lc']);
    expect(customWeightIssues({ ft: 25, lc: 25, oc: 25, cw: 15, between: 10 })).toEqual([]);
  });
  it('falls back to linear, flagged, when all the weight sits on a milestone the journey lacks', () => {
    const r = custom(4, milestones(pipeline), { ft: 0, lc: 0, oc: 0, cw: 100, between: 0 });
    expect(r.fallback).toBe('linear');
    close(r.weights, [0.25, 0.25, 0.25, 0.25]);
  });
});

describe('every position model', () => {
  it('sums to 1 on random journeys, and gives nothing for a journey with no touches', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    for (let k = 0; k < 200; k++) {
      const n = 1 + Math.floor(rnd() * 12);
      const touches = Array.from({ length: n }, (_, i) => touch(i * 2 + (rnd() < 0.2 ? 0 : 1), rnd() < 0.3 ? 'sales' : 'marketing'));
      const j = journey(touches, { lead: Math.floor(rnd() * 2 * n), created: 2 * n, closed: rnd() < 0.5 ? 2 * n + 1 : null });
      const m = milestones(j);
      for (const r of [firstTouch(n, m), leadCreation(n, m), lastTouch(n), linear(n), uShaped(n, m), wShaped(n, m), fullPath(n, m), timeDecay(j)]) {
        expect(r.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
        expect(r.weights.every((x) => x >= 0 && Number.isFinite(x))).toBe(true);
      }
    }
    expect(uShaped(0, milestones(journey([], { created: 1 }))).weights.length).toBe(0);
  });
});
