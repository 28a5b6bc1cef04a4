import { describe, expect, it } from 'vitest';
import { cardPeriod, weekOf } from './period.js';

describe('cardPeriod', () => {
  const now = new Date('2026-11-25T15:00:00Z'); // a Wednesday
  it('defaults to this ISO week, Monday to Monday', () => {
    expect(weekOf(now)).toMatchObject({ from: new Date('2026-11-23T00:00:00Z'), to: new Date('2026-11-30T00:00:00Z') });
    expect(cardPeriod(now, {}).label).toBe('week of 2026-11-23');
    expect(weekOf(new Date('2026-11-29T23:59:00Z')).from).toEqual(new Date('2026-11-23T00:00:00Z')); // Sunday
  });
  it('names month, quarter, year and last week', () => {
    expect(cardPeriod(now, { period: 'quarter' })).toMatchObject({ from: new Date('2026-10-01T00:00:00Z'), to: new Date('2027-01-01T00:00:00Z'), label: '2026-Q4' });
    expect(cardPeriod(now, { period: 'last_week' }).from).toEqual(new Date('2026-11-16T00:00:00Z'));
    expect(cardPeriod(now, { period: 'month' }).label).toBe('2026-11');
  });
  it('takes explicit dates and refuses half of them on the field', () => {
    expect(cardPeriod(now, { from: '2026-01-01', to: '2026-02-01' }).label).toBe('2026-01-01 – 2026-01-31');
    expect(() => cardPeriod(now, { from: '2026-01-01' })).toThrow(/both/);
  });
});
