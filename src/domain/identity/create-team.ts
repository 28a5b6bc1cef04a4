import { teams } from '../../db/schema/index.js';
import { recordAudit } from '../shared/audit.js';
import type { Ctx } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';
import { authorize } from './access/authorize.js';
import type { CreateTeamInput, Team } from './user.schema.js';

export async function createTeam(ctx: Ctx, input: CreateTeamInput): Promise<Team> {
  authorize(ctx, 'users:manage');
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(teams).values({ ...input, createdAt: now }).onConflictDoNothing({ target: teams.name }).returning();
    if (!row) throw new DomainError('conflict', `A team named ${input.name} already exists.`, [{ path: 'name', message: 'already exists' }]);
    await recordAudit(tx, ctx.actor, now, [{ entity: 'team', entityId: row.id, action: 'create', after: row }]);
    return row;
  });
}
