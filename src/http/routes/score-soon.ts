import type { Ctx } from '../../domain/shared/context.js';
import { scoreAndRoutePeople } from '../../domain/handoff/score-and-route-people.js';
import type { AppDeps } from '../app.js';

/** Above this many people a batch is scored by a background job, so the sender is answered at once. */
const INLINE_LIMIT = 50;

/**
 * Rescores the people a capture touched: a few at once in the request (a form post makes its MQL,
 * and its hand-off, before it answers), a batch through the `score-people` job (within a second or two).
 * `firstAt`, when the capture says when each person's earliest new touch happened, lets a score
 * take the new touches on from its stored parts (see advance-score.ts); without it, every touch is read.
 */
export async function scoreSoon(deps: AppDeps, ctx: Ctx, personIds: string[], firstAt?: ReadonlyMap<string, Date>): Promise<void> {
  if (personIds.length === 0) return;
  if (deps.enqueue && personIds.length > INLINE_LIMIT) {
    for (let i = 0; i < personIds.length; i += 5_000) {
      const ids = personIds.slice(i, i + 5_000);
      // When each person's earliest new touch happened (epoch ms), so the job advances stored scores too.
      await deps.enqueue('score-people', firstAt ? { personIds: ids, firstAt: ids.map((id) => firstAt.get(id)?.getTime() ?? null) } : { personIds: ids });
    }
    return;
  }
  await scoreAndRoutePeople(ctx, personIds, undefined, { firstAt });
}
