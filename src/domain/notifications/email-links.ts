/**
 * E-mail is read outside the app, so a path in the web app (`/people/…`, as notices carry it) is
 * made absolute with the public URL (TRUCE_PUBLIC_URL). Only a path at the start of the text or
 * after white space, starting `/` and a letter, is a link; full URLs are left alone.
 */
export function absoluteLinks(text: string, publicUrl: string): string {
  const base = publicUrl.replace(/\/+$/, '');
  return text.replace(/(^|\s)(\/[A-Za-z][^\s]*)/g, (_m, lead: string, path: string) => `${lead}${base}${path}`);
}
