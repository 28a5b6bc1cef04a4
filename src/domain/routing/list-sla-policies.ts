import { sql } from 'drizzle-orm';
import { authorize } from '../identity/access/authorize.js';
import type { Ctx } from '../shared/context.js';
import type { SlaPolicy } from './routing-settings.schema.js';

export async function listSlaPolicies(ctx: Ctx): Promise<SlaPolicy[]> {
  authorize(ctx, 'routing:read');
  const { rows } = await ctx.db.execute<{ id: string; name: string; team_id: string | null; team_name: string | null; accept_hours: number; first_touch_hours: number; reminder_before_hours: number; reassign_after_hours: number; calendar_id: string | null }>(sql`
    select p.*, t.name as team_name from sla_policies p left join teams t on t.id = p.team_id order by p.team_id nulls first, t.name`);
  return rows.map((r) => ({ id: r.id, name: r.name, teamId: r.team_id, teamName: r.team_name, acceptHours: r.accept_hours, firstTouchHours: r.first_touch_hours, reminderBeforeHours: r.reminder_before_hours, reassignAfterHours: r.reassign_after_hours, calendarId: r.calendar_id }));
}
