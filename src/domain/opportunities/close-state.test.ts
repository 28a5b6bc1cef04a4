import { describe, expect, it } from 'vitest';
import { closeState } from './close-state.js';

const now = new Date('2026-05-01T00:00:00Z');
const earlier = new Date('2026-04-01T00:00:00Z');

describe('closeState', () => {
  it('closes a deal as won at the time it moves to closed_won', () => {
    expect(closeState('closed_won', { isWon: null, closedAt: null }, now)).toEqual({ isWon: true, closedAt: now });
  });
  it('keeps the original close time when a won deal is saved again', () => {
    expect(closeState('closed_won', { isWon: true, closedAt: earlier }, now)).toEqual({ isWon: true, closedAt: earlier });
  });
  it('re-stamps the time when a lost deal is turned into a win', () => {
    expect(closeState('closed_won', { isWon: false, closedAt: earlier }, now)).toEqual({ isWon: true, closedAt: now });
  });
  it('reopens a deal moved back to an open stage', () => {
    expect(closeState('proposal', { isWon: false, closedAt: earlier }, now)).toEqual({ isWon: null, closedAt: null });
  });
});
