import { eq } from 'drizzle-orm';
import { users } from '../../db/schema/index.js';
import { recordAudit } from '../shared/audit.js';
import type { Ctx } from '../shared/context.js';
import { invalid, notFound } from '../shared/errors.js';
import type { UpdateUserInput, User } from './user.schema.js';

/** Also how a user is disabled (`active: false`): users are never deleted, their history stays theirs. */
export async function updateUser(ctx: Ctx, id: string, input: UpdateUserInput): Promise<User> {
  if (input.managerId === id) throw invalid('managerId', 'a user cannot manage themselves');
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, id)).for('update');
    if (!before) throw notFound('user', id);
    const [after] = await tx.update(users).set({ ...input, updatedAt: now }).where(eq(users.id, id)).returning();
    await recordAudit(tx, ctx.actor, now, [{ entity: 'user', entityId: id, action: input.active === false ? 'disable' : 'update', before, after }]);
    return after!;
  });
}
