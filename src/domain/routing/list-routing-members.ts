import { sql } from 'drizzle-orm';
import { authorize } from '../identity/access/authorize.js';
import type { Ctx } from '../shared/context.js';
import type { RoutingMember } from './routing-settings.schema.js';

/** The people leads can be routed to (SDRs, reps, managers): weight, capacity, calendar, open hand-offs and absences from today on. */
export async function listRoutingMembers(ctx: Ctx): Promise<RoutingMember[]> {
  authorize(ctx, 'routing:read');
  const today = ctx.clock.now().toISOString().slice(0, 10);
  const { rows } = await ctx.db.execute<{ id: string; name: string; role: string; active: boolean; team_id: string | null; team_name: string | null; weight: number | null; capacity: number | null; calendar_id: string | null; open: number; absences: RoutingMember['absences'] }>(sql`
    select u.id, u.name, u.role, u.active, u.team_id, t.name as team_name, r.weight, r.capacity, r.calendar_id,
      (select count(*)::int from handoffs h where h.owner_id = u.id and h.status = 'open') as open,
      coalesce((select jsonb_agg(jsonb_build_object('id', a.id, 'startsOn', a.starts_on::text, 'endsOn', a.ends_on::text, 'note', a.note) order by a.starts_on)
        from user_absences a where a.user_id = u.id and a.ends_on >= ${today}::date), '[]'::jsonb) as absences
    from users u left join teams t on t.id = u.team_id left join user_routing r on r.user_id = u.id
    where u.role in ('sdr', 'sales_rep', 'sales_manager') order by t.name nulls last, u.name`);
  return rows.map((r) => ({ userId: r.id, name: r.name, role: r.role, active: r.active, teamId: r.team_id, teamName: r.team_name, weight: r.weight ?? 1, capacity: r.capacity, calendarId: r.calendar_id, open: r.open, absences: r.absences }));
}
