/** Pure rules of signing in: lock-out after repeated failures, session lifetimes. */
export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MS = 15 * 60_000;
/** A session ends after 12 hours without use, and after 7 days in any case. */
export const SESSION_IDLE_MS = 12 * 3_600_000;
export const SESSION_MAX_MS = 7 * 24 * 3_600_000;
/** last_seen_at is written at most this often (a write per request would be wasteful). */
export const SESSION_TOUCH_MS = 60_000;

export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime();
}

/** The counters after one more failed attempt: the fifth failure in a row locks the user. */
export function afterFailedSignIn(failedSignIns: number, now: Date): { failedSignIns: number; lockedUntil: Date | null } {
  const failed = failedSignIns + 1;
  return failed >= MAX_FAILED_SIGN_INS
    ? { failedSignIns: 0, lockedUntil: new Date(now.getTime() + LOCK_MS) }
    : { failedSignIns: failed, lockedUntil: null };
}

/** When a session used at `now` expires: idle timeout, capped by the absolute lifetime. */
export function sessionExpiry(createdAt: Date, now: Date): Date {
  return new Date(Math.min(now.getTime() + SESSION_IDLE_MS, createdAt.getTime() + SESSION_MAX_MS));
}
