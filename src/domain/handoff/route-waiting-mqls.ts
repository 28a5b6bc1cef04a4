import { sql } from 'drizzle-orm';
import type { Ctx } from '../shared/context.js';
import { assignHandoffs } from './assign-handoffs.js';

/** Every MQL still without an open hand-off (a crash between the MQL and its routing, an import): routed now. */
export async function routeWaitingMqls(ctx: Ctx, limit = 500): Promise<{ routed: number }> {
  const { rows } = await ctx.db.execute<{ id: string }>(sql`
    select p.id from people p where p.lifecycle_stage = 'mql'
      and not exists (select 1 from handoffs h where h.person_id = p.id and h.status = 'open')
    limit ${limit}`);
  const made = await assignHandoffs(ctx, rows.map((r) => r.id));
  return { routed: made.length };
}

