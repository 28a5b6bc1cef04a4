import { sql } from 'drizzle-orm';
import { SYSTEM_PRINCIPAL, type Ctx } from '../shared/context.js';
import { reassignHandoff } from './reassign-handoff.js';

/** A disabled user's open leads go back through routing (skipping them), so none waits on someone who left. */
export async function rerouteFromOwner(ctx: Ctx, userId: string, why: string): Promise<number> {
  const { rows } = await ctx.db.execute<{ id: string }>(sql`select id from handoffs where owner_id = ${userId}::uuid and status = 'open' order by assigned_at`);
  for (const r of rows) await reassignHandoff({ ...ctx, principal: SYSTEM_PRINCIPAL }, r.id, why);
  return rows.length;
}
