import { describe, expect, it } from 'vitest';
import { absoluteLinks } from './email-links.js';

describe('links in e-mail', () => {
  it('makes a web-app path absolute with the public URL', () => {
    expect(absoluteLinks('Ada is an MQL.\nOpen in Truce: /people/42', 'https://truce.example.com/'))
      .toBe('Ada is an MQL.\nOpen in Truce: https://truce.example.com/people/42');
  });

  it('leaves full URLs, fractions and words with slashes alone', () => {
    const text = 'See https://example.com/a and/or 1 / 2 or //cdn.example.com/x';
    expect(absoluteLinks(text, 'http://localhost:3000')).toBe(text);
  });

  it('rewrites a path at the very start of the text', () => {
    expect(absoluteLinks('/handoffs/7', 'http://localhost:3000')).toBe('http://localhost:3000/handoffs/7');
  });
});
