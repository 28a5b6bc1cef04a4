import { eq } from 'drizzle-orm';
import { users } from '../../db/schema/index.js';
import type { Ctx } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';
import { publicUserColumns } from './public-user.js';
import type { User } from './user.schema.js';

/** The user behind the current principal (a session's user, or the user an API key acts for). */
export async function getMe(ctx: Ctx): Promise<User> {
  const id = ctx.principal.userId;
  if (!id) throw new DomainError('sign_in_required');
  const [user] = await ctx.db.select(publicUserColumns).from(users).where(eq(users.id, id));
  if (!user) throw new DomainError('session_expired');
  return user;
}
