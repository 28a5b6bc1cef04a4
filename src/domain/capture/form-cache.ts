import type { Database } from '../../db/client.js';
import type { Ctx } from '../shared/context.js';
import type { Form } from './form.schema.js';
import { findFormByKey } from './list-forms.js';

/**
 * Public form posts read their form definition from memory: a website's form is posted far more
 * often than it changes. Entries are per database (tests run several in one process) and live
 * `TTL_MS` at most, so a change made by another server process (or by hand in SQL) is seen within
 * that time; a change made through this process's use cases calls `forgetCachedForms` and is
 * seen at once. Unknown keys are never cached, so a form is postable as soon as it is created.
 */
const TTL_MS = 5_000;
const MAX_ENTRIES = 1_000;

const caches = new WeakMap<Database, Map<string, { form: Form; at: number }>>();

export async function findFormForPost(ctx: Ctx, key: string): Promise<Form> {
  let cache = caches.get(ctx.db);
  if (!cache) caches.set(ctx.db, (cache = new Map()));
  const hit = cache.get(key);
  // Wall time, not ctx.clock: this is cache freshness, not a rule of the domain.
  const now = Date.now();
  if (hit && now - hit.at < TTL_MS) return hit.form;
  const form = await findFormByKey(ctx, key);
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(key, { form, at: now });
  return form;
}

/** Call after creating, changing or deactivating a form. */
export function forgetCachedForms(db: Database): void {
  caches.get(db)?.clear();
}
