import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';

export type PriorWork = {
  opportunities: Array<{ id: string; name: string; stage: string; amount: number | null; createdAt: Date; ownerName: string | null }>;
  salesTouches: Array<{ id: string; kind: string; occurredAt: Date; personId: string | null; who: string | null }>;
};

/**
 * The proof sales can point at for "already working it": opportunities on the lead's account that
 * were open when the person became an MQL, and sales touches on the person or account before it.
 */
export async function findPriorWork(db: Database, h: { personId: string; accountId: string | null; mqlAt: Date }): Promise<PriorWork> {
  const account = h.accountId ? sql`${h.accountId}::uuid` : sql`null::uuid`;
  const opps = await db.execute<{ id: string; name: string; stage: string; amount: string | null; created_at: Date; owner_name: string | null }>(sql`
      select o.id, o.name, o.stage, o.amount, o.created_at, u.name as owner_name from opportunities o left join users u on u.id = o.owner_id
      where o.account_id = ${account} and o.created_at < ${h.mqlAt}::timestamptz and (o.closed_at is null or o.closed_at > ${h.mqlAt}::timestamptz)
      order by o.created_at desc limit 20`);
  const touches = await db.execute<{ id: string; kind: string; occurred_at: Date; person_id: string | null; who: string | null }>(sql`
      select t.id, t.kind, t.occurred_at, t.person_id, coalesce(p.email, 'the account') as who from effective_touchpoints t left join people p on p.id = t.person_id
      where t.side = 'sales' and t.occurred_at < ${h.mqlAt}::timestamptz and (t.person_id = ${h.personId}::uuid or t.account_id = ${account})
      order by t.occurred_at desc limit 20`);
  return {
    opportunities: opps.rows.map((o) => ({ id: o.id, name: o.name, stage: o.stage, amount: o.amount === null ? null : Number(o.amount), createdAt: new Date(o.created_at), ownerName: o.owner_name })),
    salesTouches: touches.rows.map((t) => ({ id: t.id, kind: t.kind, occurredAt: new Date(t.occurred_at), personId: t.person_id, who: t.who })),
  };
}
