import { asc } from 'drizzle-orm';
import { teams } from '../../db/schema/index.js';
import type { Ctx } from '../shared/context.js';
import { authorize } from './access/authorize.js';
import type { Team } from './user.schema.js';

export async function listTeams(ctx: Ctx): Promise<Team[]> {
  authorize(ctx, 'users:read');
  return ctx.db.select().from(teams).orderBy(asc(teams.name));
}
