import { sql } from 'drizzle-orm';
import { handoffs } from '../../db/schema/index.js';
import { recordEvents } from '../events/record-events.js';
import { notifyUsers } from '../notifications/notify-users.js';
import { evaluateRouting, type RoutingDecision, type TraceStep } from '../routing/evaluate-routing.js';
import { loadLeadFacts } from '../routing/load-lead-facts.js';
import { clockFor, lastResort, loadRoutingState } from '../routing/load-routing-state.js';
import { recordAudit } from '../shared/audit.js';
import type { Ctx } from '../shared/context.js';
import { nextStepAt, slaDeadlines } from './sla-clock.js';

export type Assignment = { handoffId: string; personId: string; ownerId: string; ruleKind: string; why: string; acceptDueAt: Date };

export type AssignOptions = {
  /** Re-routing: who had the lead before (skipped), and the hand-off it replaces. */
  exclude?: Map<string, Set<string>>;
  previous?: Map<string, string>;
  /** Why the re-route happened, in the hand-off's story. */
  note?: string;
};

/** Serialises routing, so round-robin counters and capacities are read and written by one at a time. */
const ROUTING_LOCK = 7_311_001;

/**
 * Gives every MQL among these people that has no open hand-off an owner, a deadline and a story:
 * the routing rules in order (docs/handoff.md), else the last resort. Stores the hand-off with the
 * rule that matched and why, sets the person's owner, and tells the owner — one transaction.
 */
export async function assignHandoffs(ctx: Ctx, personIds: string[], options: AssignOptions = {}): Promise<Assignment[]> {
  if (personIds.length === 0) return [];
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${ROUTING_LOCK})`);
    const { rows: waiting } = await tx.execute<{ id: string }>(sql`
      select p.id from people p
      where p.id in (${sql.join(personIds.map((id) => sql`${id}::uuid`), sql`, `)}) and p.lifecycle_stage = 'mql'
        and not exists (select 1 from handoffs h where h.person_id = p.id and h.status = 'open')`);
    if (waiting.length === 0) return [];
    const leads = await loadLeadFacts(tx, waiting.map((w) => w.id));
    const world = await loadRoutingState(tx, now);
    const made: Array<{ lead: (typeof leads)[number]; d: RoutingDecision }> = [];
    for (const lead of leads) {
      const exclude = options.exclude?.get(lead.personId) ?? new Set<string>();
      const tried: TraceStep[] = [];
      let d = evaluateRouting(world.rules, lead, world, exclude, tried);
      if (!d) {
        const ownerId = lastResort(world, exclude) ?? lastResort(world, new Set());
        if (!ownerId) throw new Error('No active sales manager or admin to take a lead no rule could place.');
        d = { ruleId: null, ruleKind: 'fallback', ownerId, teamId: world.members.get(ownerId)?.teamId ?? null, why: `no routing rule gave an available owner: last resort ${world.members.get(ownerId)!.name}`, trace: tried, match: lead.match, skipped: [] };
      }
      if (d.ruleId) world.counters.set(`${d.ruleId}:${d.ownerId}`, (world.counters.get(`${d.ruleId}:${d.ownerId}`) ?? 0) + 1);
      world.members.get(d.ownerId)!.open++;
      made.push({ lead, d });
    }
    const rows = made.map(({ lead, d }) => {
      const clock = clockFor(world, d.ownerId, d.teamId);
      const due = slaDeadlines(now, clock.policy, clock.calendar);
      return {
        personId: lead.personId, accountId: lead.account?.id ?? null, ownerId: d.ownerId, teamId: d.teamId, status: 'open' as const,
        ruleId: d.ruleId, ruleKind: d.ruleKind, why: options.note ? `${options.note}; ${d.why}` : d.why,
        routing: { trace: d.trace, match: d.match, skipped: d.skipped, notes: lead.notes, policy: clock.policy },
        policyId: clock.policyId, calendarId: clock.calendarId, modelId: lead.modelId, previousId: options.previous?.get(lead.personId) ?? null,
        mqlAt: lead.mqlAt ?? now, assignedAt: now, ...due,
        nextStepAt: nextStepAt({ ...due, status: 'open', firstTouchAt: null }, new Date(now.getTime() - 1)),
        createdAt: now,
      };
    });
    const stored = await tx.insert(handoffs).values(rows).returning({ id: handoffs.id, personId: handoffs.personId, ownerId: handoffs.ownerId, ruleKind: handoffs.ruleKind, why: handoffs.why, acceptDueAt: handoffs.acceptDueAt });
    const owners = JSON.stringify(stored.map((s) => ({ p: s.personId, o: s.ownerId })));
    await tx.execute(sql`update people p set owner_id = x.o, updated_at = ${now}::timestamptz
      from jsonb_to_recordset(${owners}::jsonb) as x(p uuid, o uuid) where p.id = x.p`);
    const counted = made.filter((m) => m.d.ruleId).map((m) => ({ r: m.d.ruleId, u: m.d.ownerId }));
    if (counted.length) {
      await tx.execute(sql`insert into routing_counters (rule_id, user_id, assigned)
        select x.r, x.u, count(*) from jsonb_to_recordset(${JSON.stringify(counted)}::jsonb) as x(r uuid, u uuid) group by x.r, x.u
        on conflict (rule_id, user_id) do update set assigned = routing_counters.assigned + excluded.assigned`);
    }
    const eventIds = await recordEvents(tx, stored.map((s) => ({
      type: 'handoff.assigned', subjectType: 'handoff', subjectId: s.id, occurredAt: now,
      data: { handoffId: s.id, personId: s.personId, ownerId: s.ownerId, rule: s.ruleKind, why: s.why, acceptDueAt: s.acceptDueAt.toISOString(), previousHandoffId: options.previous?.get(s.personId) ?? null },
    })));
    const emails = new Map(leads.map((l) => [l.personId, l.email]));
    await notifyUsers(tx, stored.map((s, i) => ({
      userId: s.ownerId, type: 'handoff.assigned', title: `New lead for you: ${emails.get(s.personId)}`,
      body: `${s.why}. Accept or reject by ${s.acceptDueAt.toISOString()}.`, link: `/queue?handoff=${s.id}`, eventId: eventIds[i],
    })), now);
    await recordAudit(tx, ctx.actor, now, stored.map((s) => ({ entity: 'person', entityId: s.personId, action: 'route', after: { ownerId: s.ownerId, handoffId: s.id, rule: s.ruleKind, why: s.why } })));
    return stored.map((s) => ({ handoffId: s.id, personId: s.personId, ownerId: s.ownerId, ruleKind: s.ruleKind, why: s.why, acceptDueAt: s.acceptDueAt }));
  });
}
