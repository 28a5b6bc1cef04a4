import { describe, expect, it } from 'vitest';
import { parseCsvPreview, suggestMapping } from './csv-preview';

describe('parseCsvPreview', () => {
  it('reads quoted fields with commas, doubled quotes, newlines and CRLF', () => {
    const text = '\ufeffemail,note\r\na@x.com,"hello, ""world"""\r\nb@x.com,"two\nlines"\r\n';
    expect(parseCsvPreview(text)).toEqual({ headers: ['email', 'note'], rows: [['a@x.com', 'hello, "world"'], ['b@x.com', 'two\nlines']] });
  });
  it('stops after the rows asked for and keeps a last line without a newline', () => {
    expect(parseCsvPreview('h\n1\n2\n3', 2).rows).toEqual([['1'], ['2']]);
    expect(parseCsvPreview('h\n1').rows).toEqual([['1']]);
  });
});

describe('suggestMapping', () => {
  it('maps headers to fields by key or label, each field once', () => {
    const fields = [{ key: 'email', label: 'E-mail' }, { key: 'firstName', label: 'First name' }];
    expect(suggestMapping(['E-Mail', 'First Name', 'email'], fields)).toEqual({ 'E-Mail': 'email', 'First Name': 'firstName' });
  });
});
