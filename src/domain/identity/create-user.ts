import { users } from '../../db/schema/index.js';
import { recordAudit } from '../shared/audit.js';
import type { Ctx } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';
import type { CreateUserInput, User } from './user.schema.js';

export async function createUser(ctx: Ctx, input: CreateUserInput): Promise<User> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(users).values({ ...input, createdAt: now, updatedAt: now })
      .onConflictDoNothing({ target: users.email }).returning();
    if (!row) throw new DomainError('conflict', `A user with e-mail ${input.email} already exists.`, [{ path: 'email', message: 'already exists' }]);
    await recordAudit(tx, ctx.actor, now, [{ entity: 'user', entityId: row.id, action: 'create', after: row }]);
    return row;
  });
}
