import { sql } from 'drizzle-orm';
import { authorize } from '../identity/access/authorize.js';
import type { Ctx } from '../shared/context.js';
import { z } from '../shared/zod.js';

export const RejectionReportQuery = z.object({
  by: z.enum(['campaign', 'source', 'model', 'owner', 'reason']).default('campaign').describe('Group rejections by the campaign of the touch that made the MQL, the person’s original source, the scoring model version, or the owner'),
  from: z.iso.date().optional(), to: z.iso.date().optional(),
});
export type RejectionReportQuery = z.infer<typeof RejectionReportQuery>;

export type RejectionRow = { key: string | null; label: string; handedOff: number; accepted: number; rejected: number; acceptanceRate: number | null; reasons: Record<string, number> };

/**
 * The loop back to marketing: of the leads handed to sales, how many were accepted and why the
 * others were rejected, by campaign (of the last marketing touch before the MQL), original source,
 * model version or owner.
 */
export async function reportRejections(ctx: Ctx, q: RejectionReportQuery): Promise<RejectionRow[]> {
  authorize(ctx, 'handoffs:read');
  const key = {
    campaign: sql`(select t.campaign_id::text from touchpoints t where t.person_id = h.person_id and t.side = 'marketing' and t.campaign_id is not null and t.occurred_at <= h.mql_at order by t.occurred_at desc limit 1)`,
    source: sql`p.original_source`,
    model: sql`h.model_id::text`,
    owner: sql`h.owner_id::text`,
    reason: sql`h.reject_reason`,
  }[q.by];
  const label = {
    campaign: sql`(select c.name from campaigns c where c.id::text = g.key)`,
    source: sql`g.key`,
    model: sql`(select 'v' || m.version || ' ' || m.name from scoring_models m where m.id::text = g.key)`,
    owner: sql`(select u.name from users u where u.id::text = g.key)`,
    reason: sql`g.key`,
  }[q.by];
  const { rows } = await ctx.db.execute<{ key: string | null; label: string | null; handed_off: number; accepted: number; rejected: number; reasons: Record<string, number> | null }>(sql`
    with hs as (
      select ${key} as key, h.status, h.reject_reason from handoffs h join people p on p.id = h.person_id
      where h.status <> 'reassigned'
        ${q.from ? sql`and h.assigned_at >= ${q.from}::date` : sql``} ${q.to ? sql`and h.assigned_at < ${q.to}::date + 1` : sql``}
    ), g as (
      select key, count(*)::int as handed_off, count(*) filter (where status = 'accepted')::int as accepted, count(*) filter (where status = 'rejected')::int as rejected
      from hs group by key
    )
    select g.key, ${label} as label, g.handed_off, g.accepted, g.rejected,
      (select jsonb_object_agg(r.reject_reason, r.n) from (select reject_reason, count(*)::int as n from hs where hs.key is not distinct from g.key and hs.status = 'rejected' group by reject_reason) r) as reasons
    from g order by g.rejected desc, g.handed_off desc`);
  return rows.map((r) => ({
    key: r.key, label: r.label ?? (r.key ?? 'none'), handedOff: r.handed_off, accepted: r.accepted, rejected: r.rejected,
    acceptanceRate: r.accepted + r.rejected > 0 ? r.accepted / (r.accepted + r.rejected) : null, reasons: r.reasons ?? {},
  }));
}
