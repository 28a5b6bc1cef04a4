/**
 * When a failed delivery is tried again: after the n-th failed attempt wait `delays[n-1]`; after
 * the last attempt the delivery is dead (kept in the log, retried only by hand).
 */
export type RetrySchedule = { delaysSeconds: readonly number[]; maxAttempts: number };

/** Webhooks: 30 s, 2 min, 10 min, 1 h, 6 h, 24 h, 24 h; dead after the 8th attempt (about 2.3 days in all). */
export const WEBHOOK_RETRIES: RetrySchedule = { delaysSeconds: [30, 120, 600, 3_600, 21_600, 86_400, 86_400], maxAttempts: 8 };

/** E-mail: 1 min, 5 min, 30 min, 2 h, 12 h; dead after the 6th attempt. */
export const EMAIL_RETRIES: RetrySchedule = { delaysSeconds: [60, 300, 1_800, 7_200, 43_200], maxAttempts: 6 };

/** After `attempts` attempts (the failed one included): the next try, or null when the delivery is dead. */
export function nextAttemptAt(schedule: RetrySchedule, attempts: number, now: Date): Date | null {
  if (attempts >= schedule.maxAttempts) return null;
  const delays = schedule.delaysSeconds;
  const delay = delays[Math.min(Math.max(attempts, 1), delays.length) - 1]!;
  return new Date(now.getTime() + delay * 1000);
}
