import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ZodError } from 'zod';
import { DomainError, ERROR_CODES, type ErrorCode, type Issue } from '../domain/shared/errors.js';

/** HTTP status for each catalogue code. Clients rely on `code`, never on the message. */
export const STATUS: Record<ErrorCode, number> = {
  validation_failed: 422,
  not_found: 404,
  conflict: 409,
  batch_too_large: 413,
  immutable: 409,
  unknown_custom_field: 422,
  invalid_custom_value: 422,
  invalid_cursor: 400,
  rate_limited: 429,
  origin_not_allowed: 403,
  form_inactive: 410,
  invalid_csv: 422,
  invalid_encoding: 415,
  payload_too_large: 413,
  invalid_json: 400,
  unsupported_media_type: 415,
  sign_in_required: 401,
  session_expired: 401,
  invalid_credentials: 401,
  account_locked: 423,
  account_disabled: 403,
  invalid_api_key: 401,
  csrf_failed: 403,
  model_not_draft: 409,
  model_unsafe: 422,
  forbidden: 403,
  record_forbidden: 403,
  address_not_allowed: 422,
  handoff_closed: 409,
  handoff_not_yours: 403,
  evidence_required: 422,
  routing_target_unavailable: 422,
  calendar_no_hours: 422,
  internal: 500,
};

export type Problem = {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail: string;
  errors: Issue[];
};

export function problem(code: ErrorCode, detail?: string, errors: Issue[] = []): Problem {
  return {
    type: `https://truce.dev/errors/${code}`,
    title: ERROR_CODES[code],
    status: STATUS[code],
    code,
    detail: detail ?? ERROR_CODES[code],
    errors,
  };
}

export function problemResponse(c: Context, p: Problem): Response {
  return c.body(JSON.stringify(p), p.status as 400, { 'content-type': 'application/problem+json' });
}

export function zodIssues(error: ZodError, prefix: (string | number)[] = []): Issue[] {
  return error.issues.map((i) => {
    const path = [...prefix, ...i.path].map(String);
    const keys = 'keys' in i && Array.isArray(i.keys) ? ` (${i.keys.join(', ')})` : '';
    return { path: path.join('.') || '(root)', message: i.message + (i.code === 'unrecognized_keys' ? '' : keys), code: i.code };
  });
}

/** Maps anything thrown in a handler to problem+json. Stack traces never reach the client. */
export function toProblem(err: unknown): Problem {
  if (err instanceof DomainError) return problem(err.code, err.message, err.issues);
  if (err instanceof HTTPException) {
    if (err.status === 413) return problem('payload_too_large');
    if (err.status === 400 && /JSON/i.test(err.message)) return problem('invalid_json', 'The request body is not valid JSON.');
    return { ...problem('validation_failed', err.message), status: err.status };
  }
  if (err instanceof SyntaxError) return problem('invalid_json', `The request body is not valid JSON: ${err.message}`);
  const pg = err as { code?: string; constraint?: string; detail?: string };
  if (pg?.code === '23505') return problem('conflict', pg.detail ?? 'A record with this key already exists.');
  if (pg?.code === '23503') return problem('validation_failed', pg.detail ?? 'A referenced record does not exist.');
  if (pg?.code === '23514') return problem('validation_failed', `Check ${pg.constraint} failed.`);
  if (pg?.code === 'P0001') return problem('immutable', (err as Error).message);
  return problem('internal');
}
