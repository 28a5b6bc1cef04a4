import { describe, expect, it } from 'vitest';
import { checkTransition } from './lifecycle-rules.js';

describe('lifecycle transitions', () => {
  it('moves forward, skipping stages if need be', () => {
    expect(checkTransition('lead', 'mql')).toEqual({ ok: true, reentry: false });
    expect(checkTransition('lead', 'opportunity')).toEqual({ ok: true, reentry: false });
    expect(checkTransition(null, 'lead')).toEqual({ ok: true, reentry: false });
  });

  it('never moves back except through recycled', () => {
    expect(checkTransition('sql', 'mql')).toMatchObject({ ok: false });
    expect(checkTransition('sal', 'recycled')).toEqual({ ok: true, reentry: false });
    expect(checkTransition('recycled', 'mql')).toEqual({ ok: true, reentry: true });
  });

  it('counts a comeback after disqualification as a re-entry, and refuses nonsense', () => {
    expect(checkTransition('disqualified', 'lead')).toEqual({ ok: true, reentry: true });
    expect(checkTransition('recycled', 'customer')).toMatchObject({ ok: false });
    expect(checkTransition('customer', 'disqualified')).toMatchObject({ ok: false });
    expect(checkTransition('lead', 'recycled')).toMatchObject({ ok: false });
    expect(checkTransition('mql', 'mql')).toMatchObject({ ok: false, reason: 'already mql' });
    expect(checkTransition(null, 'recycled')).toMatchObject({ ok: false });
  });
});
