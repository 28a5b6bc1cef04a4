import { eq } from 'drizzle-orm';
import { qualifications } from '../../db/schema/index.js';
import { assertVisible } from '../identity/access/assert-visible.js';
import { authorize } from '../identity/access/authorize.js';
import { recordAudit } from '../shared/audit.js';
import type { Ctx } from '../shared/context.js';
import type { Qualification, RecordQualificationInput } from './qualification.schema.js';

/** The SDR's or rep's ready-willing-able answers for a person they work (the latest replace the earlier). */
export async function recordQualification(ctx: Ctx, personId: string, input: RecordQualificationInput): Promise<Qualification> {
  authorize(ctx, 'qualification:write');
  await assertVisible(ctx, 'person', personId);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(qualifications).where(eq(qualifications.personId, personId));
    const values = {
      timing: input.timing ?? null, need: input.need ?? null, budget: input.budget ?? null, authority: input.authority ?? null,
      ready: input.ready, willing: input.willing, able: input.able, notes: input.notes ?? null,
      recordedBy: ctx.principal.userId, recordedAt: now,
    };
    const [row] = await tx.insert(qualifications).values({ personId, ...values })
      .onConflictDoUpdate({ target: qualifications.personId, set: values }).returning();
    await recordAudit(tx, ctx.actor, now, [{ entity: 'qualification', entityId: personId, action: before ? 'update' : 'create', before: before ?? null, after: row }]);
    return row!;
  });
}

export async function getQualification(ctx: Ctx, personId: string): Promise<Qualification | null> {
  authorize(ctx, 'people:read');
  await assertVisible(ctx, 'person', personId);
  const [row] = await ctx.db.select().from(qualifications).where(eq(qualifications.personId, personId));
  return row ?? null;
}
