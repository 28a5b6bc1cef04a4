import { ApiError } from '../api/client';

/** The API's per-field errors (`errors[].path`) keyed by field, to show next to each input. */
export function fieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError) || !error.problem) return {};
  const out: Record<string, string> = {};
  for (const e of error.problem.errors) out[e.path] ??= e.message;
  return out;
}
