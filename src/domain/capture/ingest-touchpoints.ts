import type { Ctx } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';
import { MAX_BATCH, type IngestResult } from './touchpoint.schema.js';
import { validateTouchpoints } from './validate-touchpoints.js';
import { writeTouchpoints } from './write-touchpoints.js';
import { authorize } from '../identity/access/authorize.js';

/**
 * The API's batch capture: all or nothing. One bad item refuses the batch with every item's
 * problem listed by path, so a sender can fix and re-send; re-sending never duplicates.
 */
export async function ingestTouchpoints(ctx: Ctx, items: unknown[], options: { maxFutureSkewMinutes?: number } = {}): Promise<IngestResult & { personIds: string[] }> {
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
  const result = await writeTouchpoints(ctx, valid);
  return { accepted: items.length, ...result };
}
