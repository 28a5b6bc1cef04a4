import { describe, expect, it } from 'vitest';
import { EMAIL_RETRIES, nextAttemptAt, WEBHOOK_RETRIES } from './retry-schedule.js';

const now = new Date('2026-06-15T12:00:00Z');
const after = (attempts: number, schedule = WEBHOOK_RETRIES) => {
  const at = nextAttemptAt(schedule, attempts, now);
  return at ? (at.getTime() - now.getTime()) / 1000 : 'dead';
};

describe('retry schedule', () => {
  it('backs a webhook off 30 s, 2 min, 10 min, 1 h, 6 h, 24 h, 24 h, then gives up after the 8th attempt', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => after(n))).toEqual([30, 120, 600, 3_600, 21_600, 86_400, 86_400, 'dead']);
  });

  it('stays dead past the last attempt', () => {
    expect(after(9)).toBe('dead');
  });

  it('backs e-mail off 1 min … 12 h and gives up after the 6th attempt', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => after(n, EMAIL_RETRIES))).toEqual([60, 300, 1_800, 7_200, 43_200, 'dead']);
  });

  it('repeats the last delay when a schedule has more attempts than delays', () => {
    expect(after(3, { delaysSeconds: [10, 20], maxAttempts: 5 })).toBe(20);
  });
});
