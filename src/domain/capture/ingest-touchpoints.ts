import type { Ctx } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';
import { MAX_BATCH, type IngestResult } from './touchpoint.schema.js';
import { validateTouchpoints } from './validate-touchpoints.js';
import { writeTouchpointsInParts } from './write-in-parts.js';
import type { WriteResult } from './write-touchpoints.js';
import { authorize } from '../identity/access/authorize.js';

/** Parts a large batch is written in on PostgreSQL unless the caller says otherwise (`TRUCE_CAPTURE_PARTS`). */
export const DEFAULT_PARTS = 2;

/**
 * The API's batch capture, validated all or nothing: one bad item refuses the batch with every item's
 * problem listed by path, so a sender can fix and re-send; re-sending never duplicates.
 *
 * On PostgreSQL a large batch is written as `parts` parts by company, concurrently
 * (`write-in-parts.ts`); if one of them fails, the request fails and the parts already written
 * stay: a re-send stores only what is missing.
 */
export async function ingestTouchpoints(ctx: Ctx, items: unknown[], options: { maxFutureSkewMinutes?: number; parts?: number } = {}): Promise<IngestResult & Pick<WriteResult, 'personIds' | 'firstAt'>> {
  authorize(ctx, 'touchpoints:write');
  if (items.length > MAX_BATCH) {
    throw new DomainError('batch_too_large', `A batch holds at most ${MAX_BATCH} touches; this one has ${items.length}. Split it.`, [
      { path: 'touchpoints', message: `at most ${MAX_BATCH} items` },
    ]);
  }
  const { valid, issues } = await validateTouchpoints(ctx, items, options);
  if (issues.length > 0) {
    const all = issues.flatMap((i) => i.issues);
    throw new DomainError('validation_failed',
      `${issues.length} of ${items.length} touches are not valid; nothing was stored. Fix them and send the batch again.`,
      all.slice(0, 200));
  }
  const result = await writeTouchpointsInParts(ctx, valid, { parts: options.parts ?? DEFAULT_PARTS });
  return { accepted: items.length, ...result };
}
