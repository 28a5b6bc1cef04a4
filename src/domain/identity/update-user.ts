import { eq } from 'drizzle-orm';
import { sessions, users } from '../../db/schema/index.js';
import { rerouteFromOwner } from '../handoff/reroute-from-owner.js';
import { recordAudit } from '../shared/audit.js';
import type { Ctx } from '../shared/context.js';
import { invalid, notFound } from '../shared/errors.js';
import { authorize } from './access/authorize.js';
import { publicUserColumns } from './public-user.js';
import type { UpdateUserInput, User } from './user.schema.js';

/**
 * Also how a user is disabled (`active: false`, which ends their sessions): users are never
 * deleted, their history stays theirs; their open leads are routed again. Admins only.
 */
export async function updateUser(ctx: Ctx, id: string, input: UpdateUserInput): Promise<User> {
  authorize(ctx, 'users:manage');
  if (input.managerId === id) throw invalid('managerId', 'a user cannot manage themselves');
  if (input.active === false && id === ctx.principal.userId) throw invalid('active', 'you cannot disable yourself');
  const now = ctx.clock.now();
  const updated = await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select(publicUserColumns).from(users).where(eq(users.id, id)).for('update');
    if (!before) throw notFound('user', id);
    const [after] = await tx.update(users).set({ ...input, updatedAt: now }).where(eq(users.id, id)).returning(publicUserColumns);
    if (input.active === false || (input.role && input.role !== before.role)) await tx.delete(sessions).where(eq(sessions.userId, id));
    await recordAudit(tx, ctx.actor, now, [{ entity: 'user', entityId: id, action: input.active === false ? 'disable' : 'update', before, after }]);
    return after!;
  });
  if (input.active === false) await rerouteFromOwner(ctx, id, `${updated.name} was disabled`);
  return updated;
}
