import { sql } from 'drizzle-orm';
import { authorize } from '../identity/access/authorize.js';
import { recordAudit } from '../shared/audit.js';
import type { Ctx } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';
import { listSlaPolicies } from './list-sla-policies.js';
import type { SlaPolicy, SlaPolicyInput } from './routing-settings.schema.js';

/** Sets the SLA of a queue (team), or the default one: one policy per team, replaced in place. New hand-offs follow it. */
export async function saveSlaPolicy(ctx: Ctx, input: SlaPolicyInput): Promise<SlaPolicy> {
  authorize(ctx, 'routing:write');
  if (input.reminderBeforeHours >= input.acceptHours) {
    throw new DomainError('validation_failed', 'The reminder must come before the deadline.', [{ path: 'reminderBeforeHours', message: `less than acceptHours (${input.acceptHours})` }]);
  }
  const now = ctx.clock.now();
  const { rows } = await ctx.db.execute<{ id: string }>(sql`
    insert into sla_policies (name, team_id, accept_hours, first_touch_hours, reminder_before_hours, reassign_after_hours, calendar_id, created_at, updated_at)
    values (${input.name}, ${input.teamId}::uuid, ${input.acceptHours}, ${input.firstTouchHours}, ${input.reminderBeforeHours}, ${input.reassignAfterHours}, ${input.calendarId}::uuid, ${now}::timestamptz, ${now}::timestamptz)
    on conflict (coalesce(team_id, '00000000-0000-0000-0000-000000000000'::uuid)) do update set name = excluded.name, accept_hours = excluded.accept_hours,
      first_touch_hours = excluded.first_touch_hours, reminder_before_hours = excluded.reminder_before_hours, reassign_after_hours = excluded.reassign_after_hours,
      calendar_id = excluded.calendar_id, updated_at = excluded.updated_at
    returning id`);
  await recordAudit(ctx.db, ctx.actor, now, [{ entity: 'sla_policy', entityId: rows[0]!.id, action: 'save', after: input }]);
  return (await listSlaPolicies(ctx)).find((p) => p.id === rows[0]!.id)!;
}
