import { sql, type SQL } from 'drizzle-orm';
import type { DisputeStatus } from '../../db/schema/attribution.js';
import { authorize } from '../identity/access/authorize.js';
import { opportunitiesScope } from '../identity/access/record-scope.js';
import type { Ctx } from '../shared/context.js';
import type { Dispute } from './attribution.schema.js';

type Row = {
  id: string; opportunity_id: string; opportunity_name: string | null; opened_by: string | null; opened_by_name: string | null;
  opened_by_team_id: string | null; opened_by_team_name: string | null; claimed_source: Dispute['claimedSource']; current_source: Dispute['currentSource'];
  reason: string; evidence: Dispute['evidence']; status: DisputeStatus; ruled_by: string | null; ruled_by_name: string | null;
  ruled_source: Dispute['ruledSource']; ruling: string | null; ruled_at: string | null; created_at: string;
};

export async function queryDisputes(ctx: Ctx, where: SQL): Promise<Dispute[]> {
  const { rows } = await ctx.db.execute<Row>(sql`
    select d.id, d.opportunity_id, opportunities.name as opportunity_name, d.opened_by, ou.name as opened_by_name, d.opened_by_team_id,
      ot.name as opened_by_team_name, d.claimed_source, d.current_source, d.reason, d.evidence, d.status, d.ruled_by, ru.name as ruled_by_name,
      d.ruled_source, d.ruling, d.ruled_at, d.created_at
    from attribution_disputes d join opportunities on opportunities.id = d.opportunity_id
      left join users ou on ou.id = d.opened_by left join teams ot on ot.id = d.opened_by_team_id left join users ru on ru.id = d.ruled_by
    where ${where} order by d.created_at desc, d.id limit 1000`);
  return rows.map((r) => ({
    id: r.id, opportunityId: r.opportunity_id, opportunityName: r.opportunity_name, openedBy: r.opened_by, openedByName: r.opened_by_name,
    openedByTeamId: r.opened_by_team_id, openedByTeamName: r.opened_by_team_name, claimedSource: r.claimed_source, currentSource: r.current_source,
    reason: r.reason, evidence: r.evidence, status: r.status, ruledBy: r.ruled_by, ruledByName: r.ruled_by_name, ruledSource: r.ruled_source,
    ruling: r.ruling, ruledAt: r.ruled_at ? new Date(r.ruled_at) : null, createdAt: new Date(r.created_at),
  }));
}

/** Disputes on the deals the caller may see, newest first (at most 1,000), by status and deal. */
export async function listDisputes(ctx: Ctx, q: { status?: DisputeStatus | undefined; opportunityId?: string | undefined }): Promise<Dispute[]> {
  authorize(ctx, 'opportunities:read');
  const parts: SQL[] = [opportunitiesScope(ctx.principal) ?? sql`true`];
  if (q.status) parts.push(sql`d.status = ${q.status}`);
  if (q.opportunityId) parts.push(sql`d.opportunity_id = ${q.opportunityId}::uuid`);
  return queryDisputes(ctx, sql.join(parts, sql` and `));
}

export type DisputeTeamSummary = { teamId: string | null; teamName: string | null; open: number; upheld: number; rejected: number; withdrawn: number };

/** Open disputes and rulings per team of the opener: how much time goes into arguing, and who wins. */
export async function summarizeDisputes(ctx: Ctx): Promise<DisputeTeamSummary[]> {
  authorize(ctx, 'opportunities:read');
  const scope = opportunitiesScope(ctx.principal) ?? sql`true`;
  const { rows } = await ctx.db.execute<{ team_id: string | null; team_name: string | null; open: number; upheld: number; rejected: number; withdrawn: number }>(sql`
    select d.opened_by_team_id as team_id, t.name as team_name,
      count(*) filter (where d.status = 'open')::int as open, count(*) filter (where d.status = 'upheld')::int as upheld,
      count(*) filter (where d.status = 'rejected')::int as rejected, count(*) filter (where d.status = 'withdrawn')::int as withdrawn
    from attribution_disputes d join opportunities on opportunities.id = d.opportunity_id left join teams t on t.id = d.opened_by_team_id
    where ${scope} group by 1, 2 order by 2 nulls last`);
  return rows.map((r) => ({ teamId: r.team_id, teamName: r.team_name, open: r.open, upheld: r.upheld, rejected: r.rejected, withdrawn: r.withdrawn }));
}
