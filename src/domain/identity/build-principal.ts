import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import type { Role } from '../../db/schema/vocabulary.js';
import type { Principal } from '../shared/context.js';

type UserLike = { id: string; role: Role; teamId: string | null };

/**
 * The principal of a user acting in a role. Whose records count as theirs:
 * sales_rep → themselves; sdr → their team; sales_manager → themselves, their reports and every
 * member of the teams they manage or belong to; other roles → themselves (they are not scoped).
 */
export async function buildPrincipal(db: Database, user: UserLike, role: Role, via: Principal['via']): Promise<Principal> {
  let teamUserIds = [user.id];
  if (role === 'sdr' && user.teamId) {
    const { rows } = await db.execute<{ id: string }>(sql`select id from users where team_id = ${user.teamId}::uuid`);
    teamUserIds = unique([user.id, ...rows.map((r) => r.id)]);
  } else if (role === 'sales_manager') {
    const { rows } = await db.execute<{ id: string }>(sql`
      select u.id from users u
      where u.manager_id = ${user.id}::uuid
         or u.team_id in (select t.id from teams t where t.manager_id = ${user.id}::uuid)
         or (${user.teamId}::uuid is not null and u.team_id = ${user.teamId}::uuid)`);
    teamUserIds = unique([user.id, ...rows.map((r) => r.id)]);
  }
  return { userId: user.id, role, teamId: user.teamId, teamUserIds, via };
}

const unique = (ids: string[]) => [...new Set(ids)];
