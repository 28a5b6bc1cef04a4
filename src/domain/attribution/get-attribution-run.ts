import { desc, eq } from 'drizzle-orm';
import { attributionRuns } from '../../db/schema/attribution.js';
import { authorize } from '../identity/access/authorize.js';
import type { Ctx } from '../shared/context.js';
import { notFound } from '../shared/errors.js';

/** A recompute's progress (step, done of total), timings and data-driven fit; without an id, the latest full one. */
export async function getAttributionRun(ctx: Ctx, id?: string) {
  authorize(ctx, 'attribution:read');
  const [run] = id
    ? await ctx.db.select().from(attributionRuns).where(eq(attributionRuns.id, id))
    : await ctx.db.select().from(attributionRuns).where(eq(attributionRuns.kind, 'full')).orderBy(desc(attributionRuns.startedAt)).limit(1);
  if (!run) throw notFound('attribution run', id ?? 'latest');
  return run;
}
