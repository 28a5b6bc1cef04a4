import { asc } from 'drizzle-orm';
import { teams } from '../../db/schema/index.js';
import type { Ctx } from '../shared/context.js';
import type { Team } from './user.schema.js';

export async function listTeams(ctx: Ctx): Promise<Team[]> {
  return ctx.db.select().from(teams).orderBy(asc(teams.name));
}
