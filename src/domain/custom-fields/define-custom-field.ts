import { customFieldDefinitions } from '../../db/schema/index.js';
import { recordAudit } from '../shared/audit.js';
import type { Ctx } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';
import type { CustomField, DefineCustomFieldInput } from './custom-field.schema.js';
import { authorize } from '../identity/access/authorize.js';

export async function defineCustomField(ctx: Ctx, input: DefineCustomFieldInput): Promise<CustomField> {
  authorize(ctx, 'custom_fields:write');
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(customFieldDefinitions)
      .values({ ...input, options: input.type === 'picklist' ? input.options ?? null : null })
      .onConflictDoNothing()
      .returning();
    if (!row) {
      throw new DomainError('conflict', `A ${input.entity} field "${input.key}" already exists.`, [{ path: 'key', message: 'already defined' }]);
    }
    await recordAudit(tx, ctx.actor, ctx.clock.now(), [{ entity: 'custom_field', entityId: row.id, action: 'create', after: row }]);
    return row;
  });
}
