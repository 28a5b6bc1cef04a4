import { describe, expect, it } from 'vitest';
import { officeHours } from './business-hours.js';
import { DEFAULT_POLICY, nextStepAt, slaDeadlines } from './sla-clock.js';

const ny = officeHours('America/New_York');

describe('SLA clock', () => {
  it('sets the default deadlines in the owner’s business hours', () => {
    // Assigned Friday 2026-11-20 15:00 EST: 2 business hours that day, the rest from Monday.
    const d = slaDeadlines(new Date('2026-11-20T20:00:00Z'), DEFAULT_POLICY, ny);
    expect(d.firstTouchDueAt.toISOString()).toBe('2026-11-23T16:00:00.000Z'); // Monday 11:00
    expect(d.remindAt.toISOString()).toBe('2026-11-25T16:00:00.000Z'); // 20 h: Wednesday 11:00
    expect(d.acceptDueAt.toISOString()).toBe('2026-11-25T20:00:00.000Z'); // 24 h: Wednesday 15:00
    expect(d.reassignAt.toISOString()).toBe('2026-11-26T20:00:00.000Z'); // 8 h later: Thursday 15:00
  });

  it('reminds at assignment when the reminder lead is longer than the deadline', () => {
    const at = new Date('2026-11-23T15:00:00Z');
    expect(slaDeadlines(at, { ...DEFAULT_POLICY, acceptHours: 2, reminderBeforeHours: 4 }, ny).remindAt).toEqual(at);
  });

  it('walks the steps of an open hand-off in order, then only the first touch once accepted', () => {
    const d = slaDeadlines(new Date('2026-11-20T20:00:00Z'), DEFAULT_POLICY, ny);
    const open = { ...d, status: 'open', firstTouchAt: null };
    expect(nextStepAt(open, new Date('2026-11-20T20:00:00Z'))).toEqual(d.firstTouchDueAt);
    expect(nextStepAt(open, d.firstTouchDueAt)).toEqual(d.remindAt);
    expect(nextStepAt(open, d.remindAt)).toEqual(d.acceptDueAt);
    expect(nextStepAt(open, d.acceptDueAt)).toEqual(d.reassignAt);
    expect(nextStepAt(open, d.reassignAt)).toBeNull();
    expect(nextStepAt({ ...open, firstTouchAt: new Date('2026-11-23T14:30:00Z') }, new Date('2026-11-20T20:00:00Z'))).toEqual(d.remindAt);
    expect(nextStepAt({ ...open, status: 'accepted' }, new Date('2026-11-20T20:00:00Z'))).toEqual(d.firstTouchDueAt);
    expect(nextStepAt({ ...open, status: 'rejected' }, new Date('2026-11-20T20:00:00Z'))).toBeNull();
  });
});
