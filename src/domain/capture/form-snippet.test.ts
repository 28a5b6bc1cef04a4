import { describe, expect, it } from 'vitest';
import { formSnippet } from './form-snippet.js';

describe('formSnippet', () => {
  it('posts to the public form endpoint of its key and carries a hidden honeypot', () => {
    const html = formSnippet({ key: 'demo-request', name: 'Book a demo', kind: 'demo_request' }, 'https://truce.example.com/');
    expect(html).toContain('action="https://truce.example.com/f/demo-request"');
    expect(html).toContain('name="website"');
    expect(html).toContain('aria-hidden="true"');
    expect(html).toContain('name="message"');
  });
  it('escapes names so a form title cannot inject markup', () => {
    const html = formSnippet({ key: 'x1', name: '<script>alert(1)</script>', kind: 'form_submit' }, 'http://h');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('name="message"');
  });
});
