import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limit.js';

describe('createRateLimiter', () => {
  it('refuses the request over the limit and allows again in the next window', () => {
    let t = 0;
    const limiter = createRateLimiter(2, 60_000, () => t);
    expect([limiter.take('1.2.3.4'), limiter.take('1.2.3.4'), limiter.take('1.2.3.4')]).toEqual([true, true, false]);
    expect(limiter.take('5.6.7.8')).toBe(true);
    t = 60_000;
    expect(limiter.take('1.2.3.4')).toBe(true);
  });
});
