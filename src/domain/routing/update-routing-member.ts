import { sql } from 'drizzle-orm';
import { authorize } from '../identity/access/authorize.js';
import { recordAudit } from '../shared/audit.js';
import type { Ctx } from '../shared/context.js';
import type { z } from '../shared/zod.js';
import { DomainError } from '../shared/errors.js';
import { listRoutingMembers } from './list-routing-members.js';
import type { RoutingMember, RoutingMemberInput } from './routing-settings.schema.js';

/** Sets a member's round-robin weight, capacity and calendar (what is not given stays). */
export async function updateRoutingMember(ctx: Ctx, userId: string, input: z.infer<typeof RoutingMemberInput>): Promise<RoutingMember> {
  authorize(ctx, 'routing:write');
  const now = ctx.clock.now();
  const members = await listRoutingMembers(ctx);
  const m = members.find((x) => x.userId === userId);
  if (!m) throw new DomainError('not_found', `No sales or SDR user ${userId}.`);
  const next = { weight: input.weight ?? m.weight, capacity: input.capacity === undefined ? m.capacity : input.capacity, calendarId: input.calendarId === undefined ? m.calendarId : input.calendarId };
  await ctx.db.execute(sql`insert into user_routing (user_id, weight, capacity, calendar_id, updated_at) values (${userId}::uuid, ${next.weight}, ${next.capacity}, ${next.calendarId}::uuid, ${now}::timestamptz)
    on conflict (user_id) do update set weight = excluded.weight, capacity = excluded.capacity, calendar_id = excluded.calendar_id, updated_at = excluded.updated_at`);
  await recordAudit(ctx.db, ctx.actor, now, [{ entity: 'user_routing', entityId: userId, action: 'update', before: { weight: m.weight, capacity: m.capacity, calendarId: m.calendarId }, after: next }]);
  return { ...m, ...next };
}
