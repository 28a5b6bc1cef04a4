import { sql } from 'drizzle-orm';
import { movePersonStage } from '../lifecycle/move-person-stage.js';
import type { Ctx } from '../shared/context.js';
import { assignHandoffs } from './assign-handoffs.js';

/**
 * Recycled people whose "come back on" date has come are handed to sales again: they re-enter as
 * MQLs (a re-entry, counted again, the reason says why) and are routed at once, like any MQL.
 * Leads that came back earlier by themselves (a new hand-raise) are not touched.
 */
export async function returnRecycledPeople(ctx: Ctx, limit = 1_000): Promise<{ returned: number; routed: number }> {
  const now = ctx.clock.now();
  const today = now.toISOString().slice(0, 10);
  const { rows } = await ctx.db.execute<{ person_id: string }>(sql`
    select h.person_id from handoffs h join people p on p.id = h.person_id
    where h.status = 'rejected' and h.reject_outcome = 'recycled' and h.recycle_until <= ${today}::date and p.lifecycle_stage = 'recycled'
      and h.rejected_at = (select max(x.rejected_at) from handoffs x where x.person_id = h.person_id and x.status = 'rejected')
      and not exists (select 1 from stage_transitions t where t.person_id = h.person_id and t.occurred_at > h.rejected_at and t.to_stage <> 'recycled')
    order by h.recycle_until limit ${limit}`);
  const back: string[] = [];
  for (const r of rows) {
    const moved = await ctx.db.transaction((tx) => movePersonStage(tx, ctx.actor, now, r.person_id, 'mql', 'back from nurture: the recycle date came'));
    if (moved.moved) back.push(r.person_id);
  }
  const routed = back.length ? (await assignHandoffs(ctx, back)).length : 0;
  return { returned: back.length, routed };
}
