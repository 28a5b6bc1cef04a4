import { userAbsences } from '../../db/schema/index.js';
import { authorize } from '../identity/access/authorize.js';
import { recordAudit } from '../shared/audit.js';
import type { Ctx } from '../shared/context.js';
import type { z } from '../shared/zod.js';
import type { AbsenceInput } from './routing-settings.schema.js';

/** Out of office: round-robin skips the user on these days. Users record their own; managers anyone's. */
export async function recordAbsence(ctx: Ctx, userId: string, input: z.infer<typeof AbsenceInput>): Promise<{ id: string }> {
  if (ctx.principal.userId !== userId) authorize(ctx, 'routing:write');
  const now = ctx.clock.now();
  const [row] = await ctx.db.insert(userAbsences).values({ userId, startsOn: input.startsOn, endsOn: input.endsOn, note: input.note ?? null, createdAt: now }).returning({ id: userAbsences.id });
  await recordAudit(ctx.db, ctx.actor, now, [{ entity: 'user_absence', entityId: row!.id, action: 'create', after: { userId, ...input } }]);
  return { id: row!.id };
}
