import { listAccounts } from '../accounts/list-accounts.js';
import { can } from '../identity/access/permissions.js';
import { listOpportunities } from '../opportunities/list-opportunities.js';
import { listPeople } from '../people/list-people.js';
import type { Ctx } from '../shared/context.js';

export type SearchHit = { type: 'person' | 'account' | 'opportunity'; id: string; label: string; detail: string | null };

/**
 * The top bar's search: people, accounts and opportunities matching `q`, a few of each, through
 * the same list use cases — so a user only ever finds what their role and records allow.
 */
export async function searchRecords(ctx: Ctx, q: string, perType = 5): Promise<SearchHit[]> {
  const role = ctx.principal.role;
  const page = (sort: string, order: 'asc' | 'desc' = 'desc') => ({ limit: perType, sort, order });
  const [people, accounts, deals] = await Promise.all([
    can(role, 'people:read') ? listPeople(ctx, { q }, page('updatedAt')) : null,
    can(role, 'accounts:read') ? listAccounts(ctx, { q }, page('name', 'asc')) : null,
    can(role, 'opportunities:read') ? listOpportunities(ctx, { q }, page('createdAt')) : null,
  ]);
  return [
    ...(people?.data ?? []).map((p) => ({
      type: 'person' as const, id: p.id,
      label: [p.firstName, p.lastName].filter(Boolean).join(' ') || p.email,
      detail: [p.email, p.title, p.companyName].filter(Boolean).join(' · '),
    })),
    ...(accounts?.data ?? []).map((a) => ({ type: 'account' as const, id: a.id, label: a.name, detail: [a.industry, a.country].filter(Boolean).join(' · ') || null })),
    ...(deals?.data ?? []).map((o) => ({ type: 'opportunity' as const, id: o.id, label: o.name, detail: `${o.stage} · ${o.amount ?? ''} ${o.currency ?? ''}`.trim() })),
  ];
}
