import { describe, expect, it } from 'vitest';
import { normaliseName, parseCsvPreview, suggestMapping } from './csv-preview';

describe('parseCsvPreview', () => {
  it('reads quoted fields with commas, doubled quotes, line breaks and CRLF, and drops a BOM', () => {
    const text = '\ufeffemail,note\r\na@x.com,"hello, ""world"""\r\nb@x.com,"two\r\nlines"\r\n';
    expect(parseCsvPreview(text)).toEqual({ headers: ['email', 'note'], rows: [['a@x.com', 'hello, "world"'], ['b@x.com', 'two\r\nlines']] });
  });

  it('keeps empty fields, quoted empty fields and a trailing comma', () => {
    expect(parseCsvPreview('a,b,c\n,"",x\n1,2,\n').rows).toEqual([['', '', 'x'], ['1', '2', '']]);
  });

  it('reads a field that is only a doubled quote, and a quote inside an unquoted field literally', () => {
    expect(parseCsvPreview('a,b\n"""",5" screen\n').rows).toEqual([['"', '5" screen']]);
  });

  it('skips empty lines but not lines of empty fields, and accepts CR-only line ends', () => {
    expect(parseCsvPreview('h1,h2\r\r\n,\rx,y').rows).toEqual([['', ''], ['x', 'y']]);
  });

  it('stops after the rows asked for and keeps a last line without a line break', () => {
    expect(parseCsvPreview('h\n1\n2\n3', 2).rows).toEqual([['1'], ['2']]);
    expect(parseCsvPreview('h\n1').rows).toEqual([['1']]);
  });

  it('trims header names and reads an empty text as nothing', () => {
    expect(parseCsvPreview(' email , name \n').headers).toEqual(['email', 'name']);
    expect(parseCsvPreview('')).toEqual({ headers: [], rows: [] });
  });
});

describe('suggestMapping', () => {
  it('maps headers to fields by normalised key or label, each field once', () => {
    const fields = [{ key: 'email', label: 'E-mail' }, { key: 'firstName', label: 'First name' }];
    expect(suggestMapping(['E-Mail', 'first_name', 'email', 'Notes'], fields)).toEqual({ 'E-Mail': 'email', first_name: 'firstName' });
  });

  it('uses aliases when the server sends them, after keys and labels', () => {
    const fields = [{ key: 'email', label: 'E-mail', aliases: ['email address'] }, { key: 'lastName', label: 'Last name', aliases: ['surname'] }];
    expect(suggestMapping(['Email Address', 'Surname'], fields)).toEqual({ 'Email Address': 'email', Surname: 'lastName' });
  });

  it('normalises case, punctuation, spaces and accents', () => {
    expect(normaliseName(' Société-Name ')).toBe('societename');
  });
});
