import { sql } from 'drizzle-orm';
import { users } from '../../db/schema/index.js';
import type { Ctx } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';
import { authorize } from './access/authorize.js';
import { publicUserColumns } from './public-user.js';
import type { User } from './user.schema.js';

/** The user with this e-mail (case-insensitive), for tools that name users by e-mail (the CLI). */
export async function findUserByEmail(ctx: Ctx, email: string): Promise<User> {
  authorize(ctx, 'users:read');
  const [row] = await ctx.db.select(publicUserColumns).from(users).where(sql`lower(${users.email}) = lower(${email.trim()})`);
  if (!row) throw new DomainError('not_found', `No user has the e-mail ${email}.`, [{ path: 'email', message: 'no such user' }]);
  return row;
}
