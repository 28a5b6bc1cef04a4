import { forms } from '../../db/schema/index.js';
import { recordAudit } from '../shared/audit.js';
import type { Ctx } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';
import type { CreateFormInput, Form } from './form.schema.js';
import { forgetCachedForms } from './form-cache.js';
import { authorize } from '../identity/access/authorize.js';

export async function createForm(ctx: Ctx, input: CreateFormInput): Promise<Form> {
  authorize(ctx, 'forms:manage');
  const now = ctx.clock.now();
  const created = await ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(forms).values({ ...input, createdAt: now }).onConflictDoNothing({ target: forms.key }).returning();
    if (!row) throw new DomainError('conflict', `A form with key ${input.key} already exists.`, [{ path: 'key', message: 'already exists' }]);
    await recordAudit(tx, ctx.actor, now, [{ entity: 'form', entityId: row.id, action: 'create', after: row }]);
    return row;
  });
  forgetCachedForms(ctx.db);
  return created;
}
