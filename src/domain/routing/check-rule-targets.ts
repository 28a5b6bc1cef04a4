import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { DomainError } from '../shared/errors.js';
import type { RoutingRuleInput } from './routing-rule.schema.js';

/** A rule must point at someone who can take leads: an active user, a team with an active member, named accounts that exist. */
export async function checkRuleTargets(db: Database, r: Pick<RoutingRuleInput, 'targetUserId' | 'targetTeamId' | 'conditions' | 'active'>): Promise<void> {
  if (r.active === false) return;
  if (r.targetUserId) {
    const { rows } = await db.execute<{ active: boolean; name: string }>(sql`select active, name from users where id = ${r.targetUserId}::uuid`);
    if (!rows[0]) throw new DomainError('routing_target_unavailable', 'No such user.', [{ path: 'targetUserId', message: 'unknown user' }]);
    if (!rows[0].active) throw new DomainError('routing_target_unavailable', `${rows[0].name} is disabled and cannot take leads.`, [{ path: 'targetUserId', message: 'disabled user' }]);
  }
  if (r.targetTeamId) {
    const { rows } = await db.execute<{ name: string; members: number }>(sql`select t.name, (select count(*)::int from users u where u.team_id = t.id and u.active) as members from teams t where t.id = ${r.targetTeamId}::uuid`);
    if (!rows[0]) throw new DomainError('routing_target_unavailable', 'No such team.', [{ path: 'targetTeamId', message: 'unknown team' }]);
    if (rows[0].members === 0) throw new DomainError('routing_target_unavailable', `Team ${rows[0].name} has nobody active to share leads with.`, [{ path: 'targetTeamId', message: 'no active members' }]);
  }
  const ids = r.conditions?.accountIds ?? [];
  if (ids.length) {
    const { rows } = await db.execute<{ n: number }>(sql`select count(*)::int as n from accounts where id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`);
    if (rows[0]!.n !== new Set(ids).size) throw new DomainError('validation_failed', 'Some named accounts do not exist.', [{ path: 'conditions.accountIds', message: 'unknown account' }]);
  }
}
