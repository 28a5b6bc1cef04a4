import { addBusinessMinutes, type Calendar } from './business-hours.js';

export type SlaPolicy = { acceptHours: number; firstTouchHours: number; reminderBeforeHours: number; reassignAfterHours: number };

/** The defaults when no policy is set: accept within 24 business hours, first touch within 4. */
export const DEFAULT_POLICY: SlaPolicy = { acceptHours: 24, firstTouchHours: 4, reminderBeforeHours: 4, reassignAfterHours: 8 };

export type Deadlines = { acceptDueAt: Date; firstTouchDueAt: Date; remindAt: Date; reassignAt: Date };

/** A hand-off's deadlines, counted in its owner's business hours from the assignment. */
export function slaDeadlines(assignedAt: Date, policy: SlaPolicy, cal: Calendar): Deadlines {
  const acceptDueAt = addBusinessMinutes(assignedAt, policy.acceptHours * 60, cal);
  return {
    acceptDueAt,
    firstTouchDueAt: addBusinessMinutes(assignedAt, policy.firstTouchHours * 60, cal),
    remindAt: addBusinessMinutes(assignedAt, Math.max(0, policy.acceptHours - policy.reminderBeforeHours) * 60, cal),
    reassignAt: addBusinessMinutes(acceptDueAt, policy.reassignAfterHours * 60, cal),
  };
}

export type ClockState = Deadlines & { status: string; firstTouchAt: Date | null };

/**
 * When the SLA sweep must next look at a hand-off, having fired every step due up to `after`:
 * an open one has a reminder, an escalation (the accept deadline) and a reassignment ahead, and a
 * first-touch deadline unless touched; an accepted one only the first touch; a closed one nothing.
 */
export function nextStepAt(h: ClockState, after: Date): Date | null {
  const steps: Date[] = [];
  if (h.status === 'open') steps.push(h.remindAt, h.acceptDueAt, h.reassignAt);
  if ((h.status === 'open' || h.status === 'accepted') && !h.firstTouchAt) steps.push(h.firstTouchDueAt);
  const ahead = steps.filter((d) => d > after).sort((a, b) => a.getTime() - b.getTime());
  return ahead[0] ?? null;
}

/** A step fired this long after it was due was missed by the clock (a server down over it). */
export const LATE_AFTER_MS = 5 * 60_000;
