import { describe, expect, it } from 'vitest';
import { afterFailedSignIn, isLocked, LOCK_MS, SESSION_IDLE_MS, SESSION_MAX_MS, sessionExpiry } from './sign-in-rules.js';

const now = new Date('2026-06-15T12:00:00Z');

describe('lock-out', () => {
  it('counts failures and locks on the fifth in a row, for 15 minutes', () => {
    let state = { failedSignIns: 0, lockedUntil: null as Date | null };
    for (let i = 1; i <= 4; i++) {
      state = afterFailedSignIn(state.failedSignIns, now);
      expect(state).toEqual({ failedSignIns: i, lockedUntil: null });
    }
    state = afterFailedSignIn(state.failedSignIns, now);
    expect(state.lockedUntil?.getTime()).toBe(now.getTime() + LOCK_MS);
    expect(isLocked(state.lockedUntil, now)).toBe(true);
    expect(isLocked(state.lockedUntil, new Date(now.getTime() + LOCK_MS + 1))).toBe(false);
  });
});

describe('session expiry', () => {
  it('slides with use but never past the absolute lifetime', () => {
    expect(sessionExpiry(now, now).getTime()).toBe(now.getTime() + SESSION_IDLE_MS);
    const late = new Date(now.getTime() + SESSION_MAX_MS - 3_600_000);
    expect(sessionExpiry(now, late).getTime()).toBe(now.getTime() + SESSION_MAX_MS);
  });
});
