import { attributionRuns } from '../../db/schema/attribution.js';
import { authorize } from '../identity/access/authorize.js';
import type { Ctx } from '../shared/context.js';

/** Records a full recompute as queued (its progress is read from the run), for the job to work. */
export async function startRecompute(ctx: Ctx): Promise<{ id: string }> {
  authorize(ctx, 'attribution:write');
  const [run] = await ctx.db.insert(attributionRuns).values({ kind: 'full', startedAt: ctx.clock.now(), step: 'queued' }).returning({ id: attributionRuns.id });
  return run!;
}
