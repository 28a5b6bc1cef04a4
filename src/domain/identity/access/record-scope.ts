import { sql, type SQL } from 'drizzle-orm';
import type { Principal } from '../../shared/context.js';
import { isScoped } from './permissions.js';

/**
 * Record-level rules as SQL predicates, one per record type; `undefined` means "every record".
 * - sales_rep: what they own, or whose account they own (and what is routed to them, which
 *   makes them the owner);
 * - sales_manager: the same for every member of their team and their reports;
 * - sdr: the people owned by their team (the team's lead queue) and the accounts of those people;
 * - other roles: every record (what they may do at all is permissions.ts).
 * Outer columns are written qualified by table name so the predicates work in joins and in
 * single-table selects alike.
 */
function ids(p: Principal): SQL {
  const list = p.teamUserIds.length ? p.teamUserIds : [p.userId ?? '00000000-0000-0000-0000-000000000000'];
  return sql.join(list.map((id) => sql`${id}::uuid`), sql`, `);
}

const ownedAccounts = (p: Principal) => sql`select sa.id from accounts sa where sa.owner_id in (${ids(p)})`;

/** People visible to the principal, as a predicate on the `people` table. */
export function peopleScope(p: Principal): SQL | undefined {
  if (!isScoped(p.role)) return undefined;
  if (p.role === 'sdr') return sql`"people"."owner_id" in (${ids(p)})`;
  return sql`("people"."owner_id" in (${ids(p)}) or "people"."account_id" in (${ownedAccounts(p)}))`;
}

/** Accounts visible to the principal, as a predicate on the `accounts` table. */
export function accountsScope(p: Principal): SQL | undefined {
  if (!isScoped(p.role)) return undefined;
  const ofPeople = sql`exists (select 1 from people sp where sp.account_id = "accounts"."id" and sp.owner_id in (${ids(p)}))`;
  if (p.role === 'sdr') return ofPeople;
  const ofDeals = sql`exists (select 1 from opportunities so where so.account_id = "accounts"."id" and so.owner_id in (${ids(p)}))`;
  return sql`("accounts"."owner_id" in (${ids(p)}) or ${ofDeals} or ${ofPeople})`;
}

/** Opportunities visible to the principal, as a predicate on the `opportunities` table. */
export function opportunitiesScope(p: Principal): SQL | undefined {
  if (!isScoped(p.role)) return undefined;
  if (p.role === 'sdr') return sql`false`;
  return sql`("opportunities"."owner_id" in (${ids(p)}) or "opportunities"."account_id" in (${ownedAccounts(p)}))`;
}

/** Touches visible to the principal: those of visible people, or on accounts they own. */
export function touchpointsScope(p: Principal): SQL | undefined {
  if (!isScoped(p.role)) return undefined;
  const visiblePeople = p.role === 'sdr'
    ? sql`select vp.id from people vp where vp.owner_id in (${ids(p)})`
    : sql`select vp.id from people vp where vp.owner_id in (${ids(p)}) or vp.account_id in (${ownedAccounts(p)})`;
  if (p.role === 'sdr') return sql`"touchpoints"."person_id" in (${visiblePeople})`;
  return sql`("touchpoints"."person_id" in (${visiblePeople}) or "touchpoints"."account_id" in (${ownedAccounts(p)}))`;
}
