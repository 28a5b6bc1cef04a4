/**
 * The error catalogue. Domain code throws DomainError with a stable code; the HTTP layer maps
 * codes to statuses (src/http/problem.ts) and the docs list them (docs/errors.md).
 */
export const ERROR_CODES = {
  validation_failed: 'The input does not satisfy the schema.',
  not_found: 'No such record.',
  conflict: 'The record conflicts with an existing one.',
  batch_too_large: 'Too many items in one request.',
  immutable: 'This record cannot be changed; record a correction instead.',
  unknown_custom_field: 'No custom field with this key is defined for this record type.',
  invalid_custom_value: 'The value does not fit the custom field type.',
  invalid_cursor: 'The pagination cursor is malformed or stale.',
  rate_limited: 'Too many requests; retry later.',
  origin_not_allowed: 'This origin may not post to this form.',
  form_inactive: 'This form no longer accepts submissions.',
  invalid_csv: 'The CSV file cannot be read.',
  invalid_encoding: 'The file is not valid UTF-8.',
  payload_too_large: 'The request body is too large.',
  invalid_json: 'The request body is not valid JSON.',
  unsupported_media_type: 'This content type is not accepted here.',
  sign_in_required: 'Sign in, or send an API key, to use this endpoint.',
  session_expired: 'The session has expired or was ended; sign in again.',
  invalid_credentials: 'The email or password is wrong.',
  account_locked: 'Too many failed sign-ins; the account is locked for a while.',
  account_disabled: 'This user is disabled.',
  invalid_api_key: 'The API key is unknown, malformed or revoked.',
  csrf_failed: 'The CSRF token is missing or wrong; reload the page.',
  forbidden: 'Your role may not do this.',
  record_forbidden: 'This record is not yours to see or change.',
  model_not_draft: 'Only a draft scoring model can be changed or published; start a new draft.',
  model_unsafe: 'The scoring model would do harm if published (see the detail); it was not published.',
  address_not_allowed: 'Webhooks may not be sent to a private, loopback, link-local or unique-local address.',
  handoff_closed: 'This hand-off is no longer open (accepted, rejected or reassigned).',
  handoff_not_yours: 'This lead is owned by someone else; only its owner can accept or reject it.',
  evidence_required: '"Already working it" needs evidence from before the MQL: an open opportunity or a logged sales touch.',
  routing_target_unavailable: 'The routing rule points at a user or team that cannot take leads.',
  calendar_no_hours: 'A working calendar needs working hours on at least one day.',
  internal: 'Something went wrong on our side.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export type Issue = { path: string; message: string; code?: string };

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly issues: Issue[];
  constructor(code: ErrorCode, message?: string, issues: Issue[] = []) {
    super(message ?? ERROR_CODES[code]);
    this.name = 'DomainError';
    this.code = code;
    this.issues = issues;
  }
}

export function notFound(entity: string, id: string): DomainError {
  return new DomainError('not_found', `No ${entity} with id ${id}.`);
}

export function invalid(path: string, message: string): DomainError {
  return new DomainError('validation_failed', message, [{ path, message }]);
}

/** The role may not perform the action at all (403 `forbidden`). */
export function forbidden(message: string): DomainError {
  return new DomainError('forbidden', message);
}

/** The record exists but is outside the principal's records (403 `record_forbidden`). */
export function recordForbidden(entity: string, id: string): DomainError {
  return new DomainError('record_forbidden', `The ${entity} ${id} is not yours to see or change.`);
}
