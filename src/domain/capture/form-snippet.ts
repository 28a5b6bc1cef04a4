import { HONEYPOT_FIELD, type Form } from './form.schema.js';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The copy-paste HTML a web team puts on the company site. A plain form post works without
 * JavaScript; the honeypot field is hidden from people and assistive technology.
 */
export function formSnippet(form: Pick<Form, 'key' | 'name' | 'kind'>, baseUrl: string): string {
  const action = `${baseUrl.replace(/\/$/, '')}/f/${encodeURIComponent(form.key)}`;
  const wantsMessage = form.kind === 'demo_request' || form.kind === 'contact_sales';
  return [
    `<form action="${escape(action)}" method="post" accept-charset="utf-8">`,
    `  <label>Work e-mail <input type="email" name="email" required autocomplete="email"></label>`,
    `  <label>First name <input name="firstName" autocomplete="given-name"></label>`,
    `  <label>Last name <input name="lastName" autocomplete="family-name"></label>`,
    `  <label>Company <input name="company" autocomplete="organization"></label>`,
    `  <label>Job title <input name="title" autocomplete="organization-title"></label>`,
    ...(wantsMessage ? [`  <label>How can we help? <textarea name="message"></textarea></label>`] : []),
    `  <div style="position:absolute;left:-10000px" aria-hidden="true"><input name="${HONEYPOT_FIELD}" tabindex="-1" autocomplete="off"></div>`,
    `  <button type="submit">${escape(form.name)}</button>`,
    `</form>`,
  ].join('\n');
}
