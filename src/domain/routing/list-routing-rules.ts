import { sql } from 'drizzle-orm';
import { authorize } from '../identity/access/authorize.js';
import type { Ctx } from '../shared/context.js';
import type { RoutingRule } from './routing-rule.schema.js';

/** The routing rules in the order they are tried, inactive ones included. */
export async function listRoutingRules(ctx: Ctx): Promise<RoutingRule[]> {
  authorize(ctx, 'routing:read');
  const { rows } = await ctx.db.execute<{ id: string; position: number; name: string; kind: RoutingRule['kind']; conditions: Record<string, unknown>; target_user_id: string | null; target_team_id: string | null; target_name: string | null; active: boolean; created_at: Date; updated_at: Date }>(sql`
    select r.*, coalesce(u.name, t.name) as target_name from routing_rules r
    left join users u on u.id = r.target_user_id left join teams t on t.id = r.target_team_id
    order by r.position, r.created_at, r.id`);
  return rows.map((r) => ({
    id: r.id, position: r.position, name: r.name, kind: r.kind, conditions: r.conditions, targetUserId: r.target_user_id, targetTeamId: r.target_team_id,
    targetName: r.target_name, active: r.active, createdAt: new Date(r.created_at), updatedAt: new Date(r.updated_at),
  }));
}
