import { describe, expect, it } from 'vitest';
import { ALIGNMENT_STATEMENTS, alignmentBand, alignmentTotal } from './alignment.js';

describe('the alignment diagnostic', () => {
  it('has twenty statements', () => expect(ALIGNMENT_STATEMENTS).toHaveLength(20));
  it('maps totals to the four bands at their edges', () => {
    expect([20, 39, 39.9, 40, 59, 60, 79, 80, 100].map(alignmentBand)).toEqual(
      ['undefined', 'undefined', 'undefined', 'defined', 'defined', 'aligned', 'aligned', 'integrated', 'integrated']);
  });
  it('sums twenty ratings of 1–5 and refuses anything else', () => {
    expect(alignmentTotal(Array(20).fill(3))).toEqual({ total: 60 });
    expect(alignmentTotal(Array(19).fill(3))).toHaveProperty('error');
    expect(alignmentTotal([...Array(19).fill(3), 6])).toEqual({ error: 'statement 20: a rating is a whole number from 1 to 5' });
    expect(alignmentTotal([...Array(19).fill(3), 2.5])).toHaveProperty('error');
  });
});
