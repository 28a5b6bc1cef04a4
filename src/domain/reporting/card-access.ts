import { sql } from 'drizzle-orm';
import { authorize } from '../identity/access/authorize.js';
import type { Ctx } from '../shared/context.js';
import { notFound, recordForbidden } from '../shared/errors.js';
import type { Role } from '../../db/schema/vocabulary.js';

export type CardPerson = { id: string; name: string; role: Role; teamId: string | null; active: boolean };

/** Whether the principal may see this user's card: reps and SDRs their own, managers their team's, the rest anyone's. */
export function cardInScope(ctx: Ctx, userId: string): boolean {
  const p = ctx.principal;
  if (p.role === 'sales_rep' || p.role === 'sdr') return p.userId === userId;
  if (p.role === 'sales_manager') return p.userId === userId || p.teamUserIds.includes(userId);
  return true;
}

/** The person a card is about, once the caller may read it (403 `record_forbidden` outside their scope). */
export async function cardPerson(ctx: Ctx, userId: string): Promise<CardPerson> {
  authorize(ctx, 'cards:read');
  const { rows: [u] } = await ctx.db.execute<CardPerson>(sql`
    select id::text, name, role, team_id::text as "teamId", active from users where id = ${userId}::uuid`);
  if (!u) throw notFound('user', userId);
  if (!cardInScope(ctx, userId)) {
    ctx.log.warn({ userId: ctx.principal.userId, card: userId }, 'refused: report card outside scope');
    throw recordForbidden('report card', userId);
  }
  return u;
}
