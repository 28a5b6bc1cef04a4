import type { DbHandle } from '../db/client.js';
import { businessMinutesBetween, officeHours, type Calendar } from '../domain/handoff/business-hours.js';
import { nextStepAt, slaDeadlines, type SlaPolicy } from '../domain/handoff/sla-clock.js';
import { saveCalendar } from '../domain/routing/save-calendar.js';
import { saveRoutingRule } from '../domain/routing/save-routing-rule.js';
import { saveSlaPolicy } from '../domain/routing/save-sla-policy.js';
import { updateRoutingMember } from '../domain/routing/update-routing-member.js';
import { fixedClock } from '../domain/shared/clock.js';
import { systemCtx } from '../domain/shared/context.js';
import { createLogger } from '../logger.js';
import { bulkInsert } from './bulk-insert.js';
import { inTransaction } from './in-transaction.js';

const WEEKDAYS = (start: string, end: string) => Object.fromEntries(['1', '2', '3', '4', '5'].map((d) => [d, [{ start, end }]]));
const CALENDARS = {
  NA: { name: 'North America', timezone: 'America/New_York', hours: WEEKDAYS('09:00', '17:00'), holidays: ['2026-01-01', '2026-05-25', '2026-07-03', '2026-09-07', '2026-11-26', '2026-11-27', '2026-12-25', '2027-01-01'] },
  EMEA: { name: 'EMEA', timezone: 'Europe/Berlin', hours: WEEKDAYS('08:30', '17:30'), holidays: ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-01', '2026-12-24', '2026-12-25', '2026-12-26', '2027-01-01'] },
  APAC: { name: 'APAC', timezone: 'Asia/Singapore', hours: WEEKDAYS('09:00', '18:00'), holidays: ['2026-01-01', '2026-02-17', '2026-02-18', '2026-05-01', '2026-08-10', '2026-12-25', '2027-01-01'] },
} as const;
const DEFAULT_POLICY: SlaPolicy = { acceptHours: 24, firstTouchHours: 4, reminderBeforeHours: 4, reassignAfterHours: 8 };

/** Demo rejection texts to the fixed reasons. */
const REASON: Record<string, string> = {
  'not in profile': 'not_in_profile', 'no budget': 'no_budget', 'no authority': 'no_authority', 'no need': 'no_need', 'bad timing': 'bad_timing',
  duplicate: 'duplicate', 'bad contact data': 'bad_contact_data', competitor: 'competitor', 'existing customer': 'existing_customer',
};

type Episode = {
  person_id: string; mql_at: Date; model_id: string | null; account_id: string | null; person_owner: string | null;
  next_stage: string | null; next_at: Date | null; next_actor: string | null; next_reason: string | null;
};
type Staff = { id: string; role: string; team_id: string | null; timezone: string; region: string | null };

/**
 * The demo's hand-off contract, set up as a sales manager would through the real use cases
 * (calendars per territory, the default SLA, weights, routing rules in order), and the hand-off
 * history its journeys imply: each MQL's owner, deadlines in that owner's business hours, the
 * answer (accepted, or rejected for its reason) or none, and the SLA steps and breaches that
 * follow. Leads still waiting keep their live clock, which the SLA sweep carries on.
 */
export async function setUpHandoffs(handle: DbHandle, now: Date): Promise<{ handoffs: number; breaches: number }> {
  const ctx = systemCtx(handle, fixedClock(now), createLogger('silent'), { type: 'system', id: 'demo', label: 'demo' });
  const { rows: staff } = await handle.pool.query<Staff>(`select u.id, u.role, u.team_id, u.timezone, t.name as team_name,
      case when t.name like 'Sales %' then substr(t.name, 7) end as region
    from users u left join teams t on t.id = u.team_id where u.role in ('sdr', 'sales_rep', 'sales_manager')`);
  const { rows: teams } = await handle.pool.query<{ id: string; name: string; manager_id: string | null }>(`select id, name, manager_id from teams`);
  const sdrTeam = teams.find((t) => t.name.startsWith('Inside sales'))!;
  const regionOfTz = (tz: string) => (tz.startsWith('America') ? 'NA' : tz.startsWith('Europe') ? 'EMEA' : 'APAC') as keyof typeof CALENDARS;

  const calendars = Object.fromEntries(await Promise.all(Object.entries(CALENDARS).map(async ([k, c]) => [k, await saveCalendar(ctx, { ...c, hours: c.hours, holidays: [...c.holidays] })]))) as Record<keyof typeof CALENDARS, { id: string }>;
  await saveSlaPolicy(ctx, { name: 'Default: accept within a working day and a half', teamId: null, ...DEFAULT_POLICY, calendarId: calendars.NA.id });
  const sdrs = staff.filter((s) => s.role === 'sdr');
  for (const [i, s] of staff.entries()) {
    const sdr = s.role === 'sdr';
    await updateRoutingMember(ctx, s.id, { calendarId: calendars[regionOfTz(s.timezone)].id, weight: sdr && i % 4 === 0 ? 2 : 1, capacity: sdr ? 60 : null });
  }
  await saveRoutingRule(ctx, { name: 'Owner of the matched account', kind: 'account_owner', conditions: { minConfidence: 0.8 }, active: true });
  const emeaSdr = sdrs.find((s) => regionOfTz(s.timezone) === 'EMEA');
  if (emeaSdr) {
    await saveRoutingRule(ctx, { name: 'DACH territory', kind: 'territory', conditions: { countries: ['DE', 'AT', 'CH'] }, targetUserId: emeaSdr.id, active: true });
  }
  const pool = await saveRoutingRule(ctx, { name: 'SDR pool', kind: 'round_robin', conditions: {}, targetTeamId: sdrTeam.id, active: true });
  await saveRoutingRule(ctx, { name: 'SDR manager’s queue', kind: 'fallback', conditions: {}, targetUserId: sdrTeam.manager_id, active: true });
  const { rows: rules } = await handle.pool.query<{ id: string; kind: string }>(`select id, kind from routing_rules`);
  const ownerRule = rules.find((r) => r.kind === 'account_owner')!.id;

  const { rows: episodes } = await handle.pool.query<Episode>(`
    select t.person_id, t.occurred_at as mql_at, t.model_id, p.account_id, p.owner_id as person_owner,
      n.to_stage as next_stage, n.occurred_at as next_at, n.actor_id as next_actor, n.reason as next_reason
    from stage_transitions t join people p on p.id = t.person_id
    left join lateral (select x.to_stage, x.occurred_at, x.actor_id, x.reason from stage_transitions x
      where x.person_id = t.person_id and (x.occurred_at, x.id) > (t.occurred_at, t.id) order by x.occurred_at, x.id limit 1) n on true
    where t.to_stage = 'mql' order by t.person_id, t.occurred_at`);
  const byId = new Map(staff.map((s) => [s.id, s]));
  const calOf = new Map<string, Calendar>(Object.entries(CALENDARS).map(([k, c]) => [k, { timezone: c.timezone, hours: c.hours, holidays: c.holidays }]));
  const handoffs: Record<string, unknown>[] = [];
  const steps: Record<string, unknown>[] = [];
  const breaches: Record<string, unknown>[] = [];
  const nowMs = now.getTime();
  // Rejected to nurture: back in 90 days; dates already past stay unset (the history before Truce
  // ran its daily return), so loading the demo does not hand months of old leads back at once.
  const comeBack = (at: Date | null) => {
    if (!at) return null;
    const back = at.getTime() + 90 * 86_400_000;
    return back > nowMs ? new Date(back).toISOString().slice(0, 10) : null;
  };
  let n = 0;
  for (const e of episodes) {
    const ownerId = (e.next_actor && byId.has(e.next_actor) ? e.next_actor : e.person_owner && byId.has(e.person_owner) ? e.person_owner : sdrs[n % sdrs.length]!.id);
    const owner = byId.get(ownerId)!;
    const region = regionOfTz(owner.timezone);
    const cal = calOf.get(region) ?? officeHours(owner.timezone);
    const assigned = new Date(e.mql_at);
    const due = slaDeadlines(assigned, DEFAULT_POLICY, cal);
    // Whatever came next answered the hand-off: recycled or disqualified is a rejection, any step forward an acceptance.
    const decidedAt = e.next_at ? new Date(e.next_at) : null;
    const accepted = decidedAt && e.next_stage !== 'recycled' && e.next_stage !== 'disqualified';
    const rejected = decidedAt && !accepted;
    const id = deterministicId(++n);
    const touchedAt = decidedAt ? new Date(assigned.getTime() + (decidedAt.getTime() - assigned.getTime()) * 0.3) : null;
    const status = accepted ? 'accepted' : rejected ? 'rejected' : 'open';
    const end = decidedAt ?? now;
    const fired = (step: string, at: Date) => { if (at <= end) steps.push({ handoff_id: id, step, due_at: at.toISOString(), fired_at: at.toISOString(), late: false }); };
    fired('reminder', due.remindAt);
    fired('escalation', due.acceptDueAt);
    if (due.acceptDueAt <= end) breaches.push({ handoff_id: id, kind: 'accept', owner_id: ownerId, team_id: owner.team_id, due_at: due.acceptDueAt.toISOString(), recorded_at: due.acceptDueAt.toISOString(), late_minutes: decidedAt ? Math.max(0, businessMinutesBetween(due.acceptDueAt, decidedAt, cal)) : 0, resolved_at: decidedAt?.toISOString() ?? null });
    if (!touchedAt || touchedAt > due.firstTouchDueAt) {
      if (due.firstTouchDueAt <= end) {
        fired('first_touch_breach', due.firstTouchDueAt);
        breaches.push({ handoff_id: id, kind: 'first_touch', owner_id: ownerId, team_id: owner.team_id, due_at: due.firstTouchDueAt.toISOString(), recorded_at: due.firstTouchDueAt.toISOString(), late_minutes: touchedAt ? Math.max(0, businessMinutesBetween(due.firstTouchDueAt, touchedAt, cal)) : 0, resolved_at: touchedAt?.toISOString() ?? null });
      }
    }
    // A lead still waiting keeps its clock; one long past the second deadline stays escalated (its manager's call).
    const next = status === 'open' ? (due.reassignAt.getTime() > nowMs ? nextStepAt({ ...due, status, firstTouchAt: null }, now) : null) : null;
    const reason = rejected ? REASON[e.next_reason ?? ''] ?? 'not_in_profile' : null;
    handoffs.push({
      id, person_id: e.person_id, account_id: e.account_id, owner_id: ownerId, team_id: owner.team_id, status,
      rule_id: owner.role === 'sdr' ? pool.id : ownerRule, rule_kind: owner.role === 'sdr' ? 'round_robin' : 'account_owner',
      why: owner.role === 'sdr' ? 'SDR pool (history loaded with the demo)' : 'owner of the account (history loaded with the demo)',
      model_id: e.model_id, calendar_id: calendars[region].id, mql_at: assigned.toISOString(), assigned_at: assigned.toISOString(),
      accept_due_at: due.acceptDueAt.toISOString(), first_touch_due_at: due.firstTouchDueAt.toISOString(), remind_at: due.remindAt.toISOString(), reassign_at: due.reassignAt.toISOString(),
      next_step_at: next?.toISOString() ?? null, accepted_at: accepted ? decidedAt!.toISOString() : null, first_touch_at: touchedAt?.toISOString() ?? null,
      rejected_at: rejected ? decidedAt!.toISOString() : null, reject_reason: reason, reject_note: rejected ? `${e.next_reason ?? 'not a fit'} (demo history)` : null,
      reject_outcome: rejected ? e.next_stage : null, recycle_until: comeBack(rejected && e.next_stage === 'recycled' ? decidedAt : null),
      closed_by_id: decidedAt ? ownerId : null, closed_at: decidedAt?.toISOString() ?? null, created_at: assigned.toISOString(),
    });
  }
  await inTransaction(handle, async (client) => {
    await bulkInsert(client, 'handoffs', {
      id: 'uuid', person_id: 'uuid', account_id: 'uuid', owner_id: 'uuid', team_id: 'uuid', status: 'text', rule_id: 'uuid', rule_kind: 'text', why: 'text',
      model_id: 'uuid', calendar_id: 'uuid', mql_at: 'timestamptz', assigned_at: 'timestamptz', accept_due_at: 'timestamptz', first_touch_due_at: 'timestamptz',
      remind_at: 'timestamptz', reassign_at: 'timestamptz', next_step_at: 'timestamptz', accepted_at: 'timestamptz', first_touch_at: 'timestamptz',
      rejected_at: 'timestamptz', reject_reason: 'text', reject_note: 'text', reject_outcome: 'text', recycle_until: 'date', closed_by_id: 'uuid', closed_at: 'timestamptz', created_at: 'timestamptz',
    }, handoffs);
    await bulkInsert(client, 'handoff_steps', { handoff_id: 'uuid', step: 'text', due_at: 'timestamptz', fired_at: 'timestamptz', late: 'boolean' }, steps);
    await bulkInsert(client, 'sla_breaches', { handoff_id: 'uuid', kind: 'text', owner_id: 'uuid', team_id: 'uuid', due_at: 'timestamptz', recorded_at: 'timestamptz', late_minutes: 'int', resolved_at: 'timestamptz' }, breaches);
    // The round-robin counters start from the history, so the pool stays fair from here on.
    await client.query(`insert into routing_counters (rule_id, user_id, assigned) select rule_id, owner_id, count(*) from handoffs where rule_kind = 'round_robin' group by rule_id, owner_id`);
  });
  return { handoffs: handoffs.length, breaches: breaches.length };
}

/** Stable ids for the demo's history (same seed, same ids). */
function deterministicId(n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `d0000000-0000-4000-8000-${hex}`;
}
