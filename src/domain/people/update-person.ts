import { eq } from 'drizzle-orm';
import { people } from '../../db/schema/index.js';
import { assertCustomValues } from '../custom-fields/check-custom-values.js';
import { listCustomFields } from '../custom-fields/list-custom-fields.js';
import { recordAudit } from '../shared/audit.js';
import { scoreAndRoutePeople } from '../handoff/score-and-route-people.js';
import type { Ctx } from '../shared/context.js';
import { notFound } from '../shared/errors.js';
import type { Person, UpdatePersonInput } from './person.schema.js';
import { authorize } from '../identity/access/authorize.js';
import { assertVisible } from '../identity/access/assert-visible.js';

/** Partial update; custom values are merged key by key (null clears one). */
export async function updatePerson(ctx: Ctx, id: string, input: UpdatePersonInput): Promise<Person> {
  authorize(ctx, 'people:write');
  await assertVisible(ctx, 'person', id);
  const custom = input.custom ? assertCustomValues(await listCustomFields(ctx.db, 'person'), input.custom) : undefined;
  const now = ctx.clock.now();
  const updated = await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(people).where(eq(people.id, id)).for('update');
    if (!before) throw notFound('person', id);
    const consentChanged = input.consentStatus !== undefined && input.consentStatus !== before.consentStatus;
    const [after] = await tx.update(people).set({
      ...input,
      custom: custom ? { ...before.custom, ...custom } : before.custom,
      consentAt: consentChanged ? now : before.consentAt,
      updatedAt: now,
    }).where(eq(people.id, id)).returning();
    await recordAudit(tx, ctx.actor, now, [{ entity: 'person', entityId: id, action: 'update', before, after }]);
    return after!;
  });
  // A field a fit rule reads may have changed: the score follows at once, and so does the
  // answer when that made the person an MQL.
  const run = await scoreAndRoutePeople(ctx, [id]);
  if (run.becameMql === 0) return updated;
  const [current] = await ctx.db.select().from(people).where(eq(people.id, id));
  return current ?? updated;
}
