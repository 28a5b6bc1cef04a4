import { users } from '../../db/schema/index.js';
import { recordAudit } from '../shared/audit.js';
import type { Ctx } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';
import { authorize } from './access/authorize.js';
import { hashPassword } from './passwords.js';
import { publicUserColumns } from './public-user.js';
import type { CreateUserInput, User } from './user.schema.js';

/** Admins create users; with a password the user can sign in at once (otherwise an admin resets it later). */
export async function createUser(ctx: Ctx, input: CreateUserInput): Promise<User> {
  authorize(ctx, 'users:manage');
  const now = ctx.clock.now();
  const { password, ...fields } = input;
  const passwordHash = password ? await hashPassword(password) : null;
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(users).values({ ...fields, passwordHash, passwordChangedAt: password ? now : null, createdAt: now, updatedAt: now })
      .onConflictDoNothing({ target: users.email }).returning(publicUserColumns);
    if (!row) throw new DomainError('conflict', `A user with e-mail ${input.email} already exists.`, [{ path: 'email', message: 'already exists' }]);
    await recordAudit(tx, ctx.actor, now, [{ entity: 'user', entityId: row.id, action: 'create', after: row }]);
    return row;
  });
}
