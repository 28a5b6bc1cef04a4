import { describe, expect, it } from 'vitest';
import { quarterOf } from './quarter.js';

describe('quarterOf', () => {
  it('bounds the quarter, end exclusive, across a year end', () => {
    expect(quarterOf(new Date('2026-11-23T10:00:00Z'))).toEqual({ from: new Date('2026-10-01T00:00:00Z'), to: new Date('2027-01-01T00:00:00Z'), label: '2026-Q4' });
    expect(quarterOf(new Date('2026-01-01T00:00:00Z')).label).toBe('2026-Q1');
    expect(quarterOf(new Date('2026-03-31T23:59:59Z')).to).toEqual(new Date('2026-04-01T00:00:00Z'));
  });
});
