import { describe, expect, it } from 'vitest';
import { addBusinessMinutes, businessMinutesBetween, officeHours, type Calendar } from './business-hours.js';

const ny = officeHours('America/New_York');
const H = 60;

describe('business hours', () => {
  it('carries a deadline over the weekend: Friday 16:00 plus two hours is Monday 10:00', () => {
    // 2026-11-20 is a Friday; New York is on EST (UTC-5).
    expect(addBusinessMinutes(new Date('2026-11-20T21:00:00Z'), 2 * H, ny).toISOString()).toBe('2026-11-23T15:00:00.000Z');
  });

  it('counts wall-clock hours across a daylight-saving change, so the instant moves by an hour', () => {
    // Friday 2026-03-06 16:00 EST; clocks go forward on Sunday 03-08; Monday 10:00 is EDT (UTC-4).
    expect(addBusinessMinutes(new Date('2026-03-06T21:00:00Z'), 2 * H, ny).toISOString()).toBe('2026-03-09T14:00:00.000Z');
  });

  it('skips holidays', () => {
    const cal: Calendar = { ...ny, holidays: ['2026-11-23'] };
    expect(addBusinessMinutes(new Date('2026-11-20T21:00:00Z'), 2 * H, cal).toISOString()).toBe('2026-11-24T15:00:00.000Z');
  });

  it('starts the clock at opening when a lead arrives at night or on a weekend', () => {
    // Saturday 2026-11-21 noon: the first working minute is Monday 09:00 EST.
    expect(addBusinessMinutes(new Date('2026-11-21T17:00:00Z'), 30, ny).toISOString()).toBe('2026-11-23T14:30:00.000Z');
  });

  it('gives 24 business hours as three working days, ending at Wednesday close', () => {
    expect(addBusinessMinutes(new Date('2026-11-23T14:00:00Z'), 24 * H, ny).toISOString()).toBe('2026-11-25T22:00:00.000Z');
  });

  it('honours split days (a lunch break is not working time)', () => {
    const day = [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '17:00' }];
    const cal: Calendar = { timezone: 'Europe/Berlin', hours: { 1: day, 2: day, 3: day, 4: day, 5: day }, holidays: [] };
    // Monday 11:00 CET (10:00Z) plus two hours: one before lunch, one after → 14:00 CET = 13:00Z.
    expect(addBusinessMinutes(new Date('2026-11-23T10:00:00Z'), 2 * H, cal).toISOString()).toBe('2026-11-23T13:00:00.000Z');
  });

  it('measures business minutes between two instants, negative when reversed', () => {
    const fri = new Date('2026-11-20T21:00:00Z');
    const mon = new Date('2026-11-23T15:00:00Z');
    expect(businessMinutesBetween(fri, mon, ny)).toBe(120);
    expect(businessMinutesBetween(mon, fri, ny)).toBe(-120);
    expect(businessMinutesBetween(mon, mon, ny)).toBe(0);
  });

  it('counts the repeated hour of a fall-back night as worked time', () => {
    // Sunday 2026-11-01 00:00–04:00 New York local is five real hours (01:00–02:00 happens twice).
    const cal: Calendar = { timezone: 'America/New_York', hours: { 0: [{ start: '00:00', end: '04:00' }] }, holidays: [] };
    expect(businessMinutesBetween(new Date('2026-10-31T12:00:00Z'), new Date('2026-11-02T12:00:00Z'), cal)).toBe(5 * H);
  });

  it('is the inverse of adding: the minutes between start and deadline are the minutes added', () => {
    const start = new Date('2026-12-23T20:17:00Z');
    const cal: Calendar = { ...ny, holidays: ['2026-12-25'] };
    for (const minutes of [1, 59, 8 * H, 24 * H, 100 * H]) {
      expect(businessMinutesBetween(start, addBusinessMinutes(start, minutes, cal), cal)).toBe(minutes);
    }
  });

  it('refuses a calendar with no working hours instead of looping', () => {
    expect(() => addBusinessMinutes(new Date(), 60, { timezone: 'UTC', hours: {}, holidays: [] })).toThrow(/no working hours/);
  });
});
