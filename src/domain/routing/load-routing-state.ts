import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import type { RoutingRuleKind } from '../../db/schema/vocabulary.js';
import { officeHours, type Calendar } from '../handoff/business-hours.js';
import { DEFAULT_POLICY, type SlaPolicy } from '../handoff/sla-clock.js';
import type { Member, RoutingState, RuleForRouting } from './evaluate-routing.js';
import type { RoutingConditions } from './routing-rule.schema.js';

export type RoutingWorld = RoutingState & {
  rules: RuleForRouting[];
  /** Per user: role, time zone and own calendar, to set their SLA clock and the last resort. */
  users: Map<string, { role: string; timezone: string; calendarId: string | null; managerId: string | null }>;
  policies: Array<{ id: string; teamId: string | null; policy: SlaPolicy; calendarId: string | null }>;
  calendars: Map<string, Calendar>;
};

/** Everything routing needs, read in a handful of small queries (the tables are small). */
export async function loadRoutingState(db: Database, now: Date): Promise<RoutingWorld> {
  const today = now.toISOString().slice(0, 10);
  // One after another: inside a transaction they share one connection.
  const rules = await db.execute<{ id: string; name: string; kind: RoutingRuleKind; conditions: RoutingConditions; target_user_id: string | null; target_team_id: string | null }>(
      sql`select id, name, kind, conditions, target_user_id, target_team_id from routing_rules where active order by position, created_at, id`);
  const members = await db.execute<{ id: string; name: string; active: boolean; team_id: string | null; role: string; timezone: string; manager_id: string | null; weight: number | null; capacity: number | null; calendar_id: string | null; open: number; absent_until: string | null }>(sql`
      select u.id, u.name, u.active, u.team_id, u.role, u.timezone, u.manager_id, r.weight, r.capacity, r.calendar_id,
        (select count(*)::int from handoffs h where h.owner_id = u.id and h.status = 'open') as open,
        (select max(a.ends_on)::text from user_absences a where a.user_id = u.id and a.starts_on <= ${today}::date and a.ends_on >= ${today}::date) as absent_until
      from users u left join user_routing r on r.user_id = u.id`);
  const counters = await db.execute<{ rule_id: string; user_id: string; assigned: string }>(sql`select rule_id, user_id, assigned from routing_counters`);
  const policies = await db.execute<{ id: string; team_id: string | null; accept_hours: number; first_touch_hours: number; reminder_before_hours: number; reassign_after_hours: number; calendar_id: string | null }>(
      sql`select id, team_id, accept_hours, first_touch_hours, reminder_before_hours, reassign_after_hours, calendar_id from sla_policies`);
  const calendars = await db.execute<{ id: string; timezone: string; hours: Calendar['hours']; holidays: string[] }>(sql`select id, timezone, hours, holidays from work_calendars`);
  return {
    rules: rules.rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, conditions: r.conditions, targetUserId: r.target_user_id, targetTeamId: r.target_team_id })),
    members: new Map(members.rows.map((m): [string, Member] => [m.id, {
      id: m.id, name: m.name, active: m.active, teamId: m.team_id, weight: m.weight ?? 1, capacity: m.capacity, open: m.open, absentUntil: m.absent_until,
    }])),
    users: new Map(members.rows.map((m) => [m.id, { role: m.role, timezone: m.timezone, calendarId: m.calendar_id, managerId: m.manager_id }])),
    counters: new Map(counters.rows.map((c) => [`${c.rule_id}:${c.user_id}`, Number(c.assigned)])),
    policies: policies.rows.map((p) => ({
      id: p.id, teamId: p.team_id, calendarId: p.calendar_id,
      policy: { acceptHours: p.accept_hours, firstTouchHours: p.first_touch_hours, reminderBeforeHours: p.reminder_before_hours, reassignAfterHours: p.reassign_after_hours },
    })),
    calendars: new Map(calendars.rows.map((c) => [c.id, { timezone: c.timezone, hours: c.hours, holidays: c.holidays }])),
  };
}

/** The SLA that binds an owner: their team's policy, else the default; their calendar, else the policy's, else office hours in their zone. */
export function clockFor(world: RoutingWorld, ownerId: string, teamId: string | null): { policyId: string | null; policy: SlaPolicy; calendarId: string | null; calendar: Calendar } {
  const p = world.policies.find((x) => x.teamId !== null && x.teamId === teamId) ?? world.policies.find((x) => x.teamId === null);
  const user = world.users.get(ownerId);
  const calendarId = user?.calendarId ?? p?.calendarId ?? null;
  const calendar = (calendarId && world.calendars.get(calendarId)) || officeHours(user?.timezone ?? 'UTC');
  return { policyId: p?.id ?? null, policy: p?.policy ?? DEFAULT_POLICY, calendarId, calendar };
}

/**
 * Nobody left: no rule gave an available owner. The lead still gets one, the first active sales
 * manager (else admin) by name, and the hand-off says so, so it is never silently dropped.
 */
export function lastResort(world: RoutingWorld, exclude: ReadonlySet<string>): string | null {
  const pool = [...world.members.values()].filter((m) => m.active && !exclude.has(m.id));
  const byRole = (role: string) => pool.filter((m) => world.users.get(m.id)?.role === role).sort((a, b) => a.name.localeCompare(b.name))[0];
  return (byRole('sales_manager') ?? byRole('admin'))?.id ?? null;
}
