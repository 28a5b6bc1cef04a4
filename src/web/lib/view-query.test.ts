import { describe, expect, it } from 'vitest';
import { viewSearch } from './view-query';

describe('viewSearch', () => {
  const all = ['name', 'amount', 'owner', 'stage'];
  it('keeps a saved query that already says which columns to hide', () => {
    expect(viewSearch({ query: 'stage=proposal&hide=owner', columns: ['name'] }, all)).toBe('?stage=proposal&hide=owner');
  });
  it('hides the columns a view does not name when its query does not say', () => {
    expect(viewSearch({ query: 'status=open', columns: ['name', 'stage'] }, all)).toBe('?status=open&hide=amount%2Cowner');
  });
  it('shows every column for a view without columns, and gives no ? for an empty view', () => {
    expect(viewSearch({ query: 'q=acme', columns: [] }, all)).toBe('?q=acme');
    expect(viewSearch({ query: '', columns: all }, all)).toBe('');
  });
});
