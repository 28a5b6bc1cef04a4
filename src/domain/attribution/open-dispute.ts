import { and, eq, sql } from 'drizzle-orm';
import { attributionDisputes, attributionJourneys } from '../../db/schema/attribution.js';
import { assertVisible } from '../identity/access/assert-visible.js';
import { authorize } from '../identity/access/authorize.js';
import { recordAudit } from '../shared/audit.js';
import type { Ctx } from '../shared/context.js';
import { DomainError, invalid } from '../shared/errors.js';
import type { Dispute, OpenDisputeInput } from './attribution.schema.js';
import { queryDisputes } from './list-disputes.js';

/**
 * Either side disputes who sourced a deal ("already on our radar" / "we generated this"), pointing
 * at touches as evidence; those touches must exist. One open dispute per deal at a time
 * (409 `conflict`); claiming the source the deal already has is refused.
 */
export async function openDispute(ctx: Ctx, opportunityId: string, input: OpenDisputeInput): Promise<Dispute> {
  authorize(ctx, 'disputes:open');
  await assertVisible(ctx, 'opportunity', opportunityId);
  const [journey] = await ctx.db.select({ source: attributionJourneys.source }).from(attributionJourneys).where(eq(attributionJourneys.opportunityId, opportunityId));
  const current = journey?.source ?? null;
  if (current === input.claimedSource) throw invalid('claimedSource', `the deal is already sourced by ${current}; a dispute claims another source`);
  if (input.touchIds.length) {
    const { rows } = await ctx.db.execute<{ id: number }>(sql`select id from touchpoints where id = any(${`{${input.touchIds.join(',')}}`}::int8[])`);
    const missing = input.touchIds.filter((id) => !rows.some((r) => Number(r.id) === id));
    if (missing.length) throw invalid('touchIds', `no touch with id ${missing.join(', ')}`);
  }
  const teamId = ctx.principal.userId
    ? (await ctx.db.execute<{ team_id: string | null }>(sql`select team_id from users where id = ${ctx.principal.userId}::uuid`)).rows[0]?.team_id ?? null
    : null;
  const id = await ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`dispute:${opportunityId}`}))`);
    const [open] = await tx.select({ id: attributionDisputes.id }).from(attributionDisputes)
      .where(and(eq(attributionDisputes.opportunityId, opportunityId), eq(attributionDisputes.status, 'open')));
    if (open) throw new DomainError('conflict', `This deal already has an open dispute (${open.id}); add to it or wait for its ruling.`);
    const [row] = await tx.insert(attributionDisputes).values({
      opportunityId, openedBy: ctx.principal.userId, openedByTeamId: teamId, claimedSource: input.claimedSource, currentSource: current,
      reason: input.reason, evidence: { touchIds: input.touchIds, notes: input.notes }, createdAt: ctx.clock.now(),
    }).returning({ id: attributionDisputes.id });
    await recordAudit(tx, ctx.actor, ctx.clock.now(), [{ entity: 'attribution_dispute', entityId: row!.id, action: 'open', after: { opportunityId, ...input } }]);
    return row!.id;
  });
  return (await queryDisputes(ctx, sql`d.id = ${id}::uuid`))[0]!;
}
