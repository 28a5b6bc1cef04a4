import { sql } from 'drizzle-orm';
import { authorize } from '../identity/access/authorize.js';
import type { Ctx } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';
import { findPriorWork, type PriorWork } from './find-prior-work.js';
import type { Handoff } from './handoff.schema.js';
import { handoffScope, handoffSelect, toHandoffs } from './list-handoffs.js';

/** One hand-off with its story, its history (earlier hand-offs of the person) and the prior work sales could cite. */
export async function getHandoff(ctx: Ctx, id: string): Promise<Handoff & { history: Handoff[]; priorWork: PriorWork }> {
  authorize(ctx, 'handoffs:read');
  const scope = handoffScope(ctx.principal);
  const { rows } = await ctx.db.execute<Record<string, unknown> & { id: string; _sort: unknown }>(sql`${handoffSelect()} where h.id = ${id}::uuid`);
  if (!rows[0]) throw new DomainError('not_found', `No hand-off ${id}.`);
  if (scope) {
    const { rows: ok } = await ctx.db.execute(sql`select 1 from handoffs h where h.id = ${id}::uuid and ${scope}`);
    if (ok.length === 0) throw new DomainError('record_forbidden', 'This lead is not in your queue or your team’s.');
  }
  const [h] = await toHandoffs(ctx, rows);
  const { rows: earlier } = await ctx.db.execute<Record<string, unknown> & { id: string; _sort: unknown }>(sql`${handoffSelect()} where h.person_id = ${h!.personId}::uuid and h.id <> ${id}::uuid order by h.assigned_at desc limit 20`);
  return { ...h!, history: await toHandoffs(ctx, earlier), priorWork: await findPriorWork(ctx.db, { personId: h!.personId, accountId: h!.accountId, mqlAt: h!.mqlAt }) };
}
