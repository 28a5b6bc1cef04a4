import { describe, expect, it } from 'vitest';
import { safeCell } from './csv-safe.js';

describe('safeCell', () => {
  it('neutralises text a spreadsheet would run as a formula', () => {
    expect(safeCell('=HYPERLINK("http://evil")')).toBe(`'=HYPERLINK("http://evil")`);
    expect(safeCell('+1+2')).toBe(`'+1+2`);
    expect(safeCell('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(safeCell('-2+3')).toBe(`'-2+3`);
    expect(safeCell('\tcmd')).toBe(`'\tcmd`);
  });
  it('leaves numbers, dates and ordinary text as they are', () => {
    expect(safeCell(-12.5)).toBe('-12.5');
    expect(safeCell('-12.5')).toBe('-12.5');
    expect(safeCell(new Date('2026-01-02T03:04:05Z'))).toBe('2026-01-02T03:04:05.000Z');
    expect(safeCell('Acme GmbH')).toBe('Acme GmbH');
    expect(safeCell(null)).toBe('');
    expect(safeCell(['a.com', 'b.com'])).toBe('["a.com","b.com"]');
  });
});
