import { sql } from 'drizzle-orm';
import type { Source } from '../../db/schema/vocabulary.js';
import { assertVisible } from '../identity/access/assert-visible.js';
import { authorize } from '../identity/access/authorize.js';
import type { Ctx } from '../shared/context.js';
import { notFound } from '../shared/errors.js';
import type { EvidenceEvent, OpportunityEvidence } from './attribution.schema.js';
import { listDisputes } from './list-disputes.js';

const DAY = 86_400_000;
type TouchRow = { id: number; at: string; channel: string; kind: string; side: string; person_id: string | null } | undefined;

/**
 * The prior-claim evidence of a deal, computed from the record, side by side on one timeline:
 * the first marketing touch on its people or account, the first sales activity on its people and
 * on its account, any deal already open on the account when it was created, the people's
 * lifecycle history (MQL, SAL, …) and hand-offs, the credit milestones and disputes. "Already on
 * our radar" is then a matter of dates.
 */
export async function getOpportunityEvidence(ctx: Ctx, opportunityId: string): Promise<OpportunityEvidence> {
  authorize(ctx, 'opportunities:read');
  await assertVisible(ctx, 'opportunity', opportunityId);
  const { rows: [opp] } = await ctx.db.execute<{ id: string; account_id: string; created_at: string; name: string }>(sql`
    select id, account_id, created_at, name from opportunities where id = ${opportunityId}::uuid`);
  if (!opp) throw notFound('opportunity', opportunityId);
  const created = sql`${opp.created_at}::timestamptz`;
  const people = sql`(select person_id from opportunity_contacts where opportunity_id = ${opportunityId}::uuid)`;
  const effective = sql`not t.retracted and not exists (select 1 from touchpoints c where c.corrects_id = t.id) and t.occurred_at <= ${created}`;
  const first = async (where: ReturnType<typeof sql>): Promise<TouchRow> => (await ctx.db.execute<NonNullable<TouchRow>>(sql`
    select t.id, t.occurred_at as at, t.channel, t.kind, t.side, t.person_id from touchpoints t
    where ${where} and ${effective} order by t.occurred_at, t.id limit 1`)).rows[0];
  const [firstMarketing, firstSalesPerson, firstSalesAccount] = await Promise.all([
    first(sql`t.side = 'marketing' and (t.person_id in ${people} or t.account_id = ${opp.account_id}::uuid)`),
    first(sql`t.side = 'sales' and t.person_id in ${people}`),
    first(sql`t.side = 'sales' and t.account_id = ${opp.account_id}::uuid`),
  ]);
  const [{ rows: openDeals }, { rows: stages }, { rows: handoffs }, { rows: [journey] }] = await Promise.all([
    ctx.db.execute<{ id: string; name: string; created_at: string }>(sql`
      select id, name, created_at from opportunities
      where account_id = ${opp.account_id}::uuid and id <> ${opportunityId}::uuid and created_at < ${created} and (closed_at is null or closed_at > ${created})
      order by created_at`),
    ctx.db.execute<{ person_id: string; to_stage: string; occurred_at: string; email: string; reason: string | null }>(sql`
      select st.person_id, st.to_stage, st.occurred_at, p.email, st.reason from stage_transitions st join people p on p.id = st.person_id
      where st.person_id in ${people} order by st.occurred_at, st.id`),
    ctx.db.execute<{ id: string; person_id: string; status: string; assigned_at: string; accepted_at: string | null; rejected_at: string | null; reject_reason: string | null; owner: string | null }>(sql`
      select h.id, h.person_id, h.status, h.assigned_at, h.accepted_at, h.rejected_at, h.reject_reason, u.name as owner
      from handoffs h left join users u on u.id = h.owner_id where h.person_id in ${people} order by h.assigned_at`),
    ctx.db.execute<{ computed_source: Source | null; source: Source | null; influenced: boolean; flags: string[]; ft: number | null; lc: number | null; oc: number | null; cw: number | null }>(sql`
      select computed_source, source, influenced, flags, first_touch_id as ft, lead_creation_touch_id as lc, opportunity_creation_touch_id as oc, closed_won_touch_id as cw
      from attribution_journeys where opportunity_id = ${opportunityId}::uuid`),
  ]);
  const disputes = await listDisputes(ctx, { opportunityId });

  const timeline: EvidenceEvent[] = [];
  const touchEvent = (t: TouchRow, kind: EvidenceEvent['kind'], label: string) => {
    if (t) timeline.push({ at: new Date(t.at), kind, side: t.side as EvidenceEvent['side'], label: `${label}: ${t.kind.replace(/_/g, ' ')} (${t.channel.replace(/_/g, ' ')})`, touchId: Number(t.id), refId: t.person_id });
  };
  touchEvent(firstMarketing, 'first_marketing_touch', 'First marketing touch');
  touchEvent(firstSalesPerson, 'first_sales_touch_person', 'First sales activity on the contacts');
  if (firstSalesAccount?.id !== firstSalesPerson?.id) touchEvent(firstSalesAccount, 'first_sales_touch_account', 'First sales activity on the account');
  for (const d of openDeals) timeline.push({ at: new Date(d.created_at), kind: 'open_opportunity', side: 'sales', label: `Deal already open on the account when this one was created: ${d.name}`, touchId: null, refId: d.id });
  for (const s of stages) timeline.push({ at: new Date(s.occurred_at), kind: 'stage', side: 'neutral', label: `${s.email} → ${s.to_stage.toUpperCase()}${s.reason ? ` (${s.reason})` : ''}`, touchId: null, refId: s.person_id });
  for (const h of handoffs) {
    timeline.push({ at: new Date(h.assigned_at), kind: 'handoff', side: 'neutral', label: `Handed off to ${h.owner ?? 'a seller'}`, touchId: null, refId: h.id });
    if (h.accepted_at) timeline.push({ at: new Date(h.accepted_at), kind: 'handoff', side: 'sales', label: `Accepted by ${h.owner ?? 'the seller'}`, touchId: null, refId: h.id });
    if (h.rejected_at) timeline.push({ at: new Date(h.rejected_at), kind: 'handoff', side: 'sales', label: `Rejected: ${(h.reject_reason ?? '').replace(/_/g, ' ')}`, touchId: null, refId: h.id });
  }
  timeline.push({ at: new Date(opp.created_at), kind: 'opportunity_created', side: 'neutral', label: `Deal created: ${opp.name}`, touchId: null, refId: opp.id });
  for (const d of disputes) {
    timeline.push({ at: d.createdAt, kind: 'dispute', side: 'neutral', label: `${d.openedByName ?? 'Someone'} disputed the source: says ${d.claimedSource.replace('_', ' ')} — ${d.reason}`, touchId: null, refId: d.id });
    if (d.ruledAt) timeline.push({ at: d.ruledAt, kind: 'ruling', side: 'neutral', label: `${d.ruledByName ?? 'A manager'} ruled ${d.status}: ${d.ruling ?? ''}`, touchId: null, refId: d.id });
  }
  timeline.sort((a, b) => a.at.getTime() - b.at.getTime());

  const fm = firstMarketing ? new Date(firstMarketing.at) : null;
  const salesDates = [firstSalesPerson, firstSalesAccount].filter(Boolean).map((t) => new Date(t!.at).getTime());
  const fs = salesDates.length ? new Date(Math.min(...salesDates)) : null;
  return {
    opportunityId, createdAt: new Date(opp.created_at),
    computedSource: journey?.computed_source ?? null, source: journey?.source ?? null, influenced: journey ? journey.influenced : null,
    firstMarketingTouchAt: fm, firstSalesTouchAt: fs,
    verdict: verdict(fm, fs, openDeals.length),
    flags: journey?.flags ?? [],
    timeline, disputes,
  };
}

function verdict(fm: Date | null, fs: Date | null, openDeals: number): string {
  const open = openDeals ? ` ${openDeals} other deal${openDeals > 1 ? 's were' : ' was'} already open on the account.` : '';
  if (!fm && !fs) return `Neither side touched these people or the account before the deal was created.${open}`;
  if (fm && !fs) return `Marketing touched first; sales logged no activity before the deal was created.${open}`;
  if (!fm && fs) return `Sales touched first; marketing had no touch before the deal was created.${open}`;
  const days = Math.round(Math.abs(fm!.getTime() - fs!.getTime()) / DAY);
  const who = fm!.getTime() <= fs!.getTime() ? 'Marketing' : 'Sales';
  return `${who} touched first, ${days} day${days === 1 ? '' : 's'} before the other side.${open}`;
}
