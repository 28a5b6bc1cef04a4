import { describe, expect, it } from 'vitest';
import { forecastAccuracy, quarterLabel, quarterRange } from './forecast.js';

describe('forecast helpers', () => {
  it('judges a forecast against what was won, never dividing by zero', () => {
    expect(forecastAccuracy(90, 100)).toBeCloseTo(0.9);
    expect(forecastAccuracy(110, 100)).toBeCloseTo(0.9);
    expect(forecastAccuracy(500, 100)).toBe(0);
    expect(forecastAccuracy(10, 0)).toBeNull();
  });
  it('names quarters and the four after', () => {
    const at = new Date('2026-11-23T00:00:00Z');
    expect([0, 1, 2, 3, 4].map((n) => quarterLabel(at, n))).toEqual(['2026-Q4', '2027-Q1', '2027-Q2', '2027-Q3', '2027-Q4']);
    expect(quarterLabel(at, -4)).toBe('2025-Q4');
    expect(quarterRange('2027-Q1')).toEqual({ from: new Date('2027-01-01T00:00:00Z'), to: new Date('2027-04-01T00:00:00Z') });
  });
});
