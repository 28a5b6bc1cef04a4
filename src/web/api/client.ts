import type { Problem } from './types';

/** A failed API call: carries the problem+json body so the UI can show `detail` and each field's error. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly problem: Problem | null) {
    super(problem?.detail || problem?.title || `The request failed (HTTP ${status}).`);
    this.name = 'ApiError';
  }
}

/** Parses a response body as JSON; null for an empty or non-JSON body (an HTML error page from a proxy, say). */
export function parseBody(text: string): unknown {
  if (!text) return null;
  try { return JSON.parse(text) as unknown; } catch { return null; }
}

export function asProblem(body: unknown): Problem | null {
  if (!body || typeof body !== 'object' || !('status' in body || 'detail' in body || 'title' in body)) return null;
  const p = body as Partial<Problem>;
  return { type: p.type ?? 'about:blank', title: p.title ?? '', status: p.status ?? 0, code: p.code ?? '', detail: p.detail ?? '', errors: Array.isArray(p.errors) ? p.errors : [] };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The CSRF token the server set beside the session cookie (double submit: sent back as a header). */
export function csrfToken(): string {
  const match = /(?:^|;\s*)truce_csrf=([^;]+)/.exec(document.cookie);
  return match ? decodeURIComponent(match[1]!) : '';
}

/** Headers every state-changing call carries: the CSRF token of the session. */
export function writeHeaders(method: string | undefined): Record<string, string> {
  return SAFE_METHODS.has((method ?? 'GET').toUpperCase()) ? {} : { 'x-csrf-token': csrfToken() };
}

/** Called when the session is gone (401): the app sends the user to the sign-in page. */
let onSignedOut: ((path: string) => void) | null = null;
export function setSignedOutHandler(handler: ((path: string) => void) | null): void { onSignedOut = handler; }

export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(path, { ...init, headers: { accept: 'application/json', ...writeHeaders(init.method), ...(init.headers ?? {}) } });
  const body = parseBody(await res.text());
  if (res.status === 401 && onSignedOut) onSignedOut(path);
  if (!res.ok) throw new ApiError(res.status, asProblem(body));
  return body as T;
}

/** A query string from defined, non-empty values ('' when none). */
export function qs(params: Record<string, string | number | undefined | null>): string {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

/** A JSON write (POST, PATCH, PUT, DELETE) with the CSRF header; resolves to the parsed response. */
export function send<T>(method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
  return api<T>(path, body === undefined ? { method } : { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}
