import { eq } from 'drizzle-orm';
import { accounts, opportunities } from '../../db/schema/index.js';
import { assertCustomValues } from '../custom-fields/check-custom-values.js';
import { listCustomFields } from '../custom-fields/list-custom-fields.js';
import { recordAudit } from '../shared/audit.js';
import type { Ctx } from '../shared/context.js';
import { invalid } from '../shared/errors.js';
import { closeState } from './close-state.js';
import type { CreateOpportunityInput, Opportunity } from './opportunity.schema.js';
import { setContactRoles } from './set-contact-roles.js';
import { authorize } from '../identity/access/authorize.js';
import { assertVisible } from '../identity/access/assert-visible.js';
import { assertOwnerInScope, defaultOwner } from '../identity/access/owner-scope.js';
import { isScoped } from '../identity/access/permissions.js';

export async function createOpportunity(ctx: Ctx, input: CreateOpportunityInput): Promise<Opportunity> {
  authorize(ctx, 'opportunities:write');
  if (isScoped(ctx.principal.role)) await assertVisible(ctx, 'account', input.accountId);
  const { contacts = [], custom: rawCustom, createdAt, ...fields } = input;
  const custom = rawCustom ? assertCustomValues(await listCustomFields(ctx.db, 'opportunity'), rawCustom) : {};
  const now = ctx.clock.now();
  const stage = fields.stage ?? 'discovery';
  return ctx.db.transaction(async (tx) => {
    const [account] = await tx.select({ id: accounts.id, ownerId: accounts.ownerId }).from(accounts).where(eq(accounts.id, fields.accountId));
    if (!account) throw invalid('accountId', 'no such account');
    const [row] = await tx.insert(opportunities).values({
      ...fields, stage, custom,
      ownerId: assertOwnerInScope(ctx, fields.ownerId !== undefined ? fields.ownerId : defaultOwner(ctx, account.ownerId)),
      createdAt: createdAt ? new Date(createdAt) : now,
      ...closeState(stage, { isWon: null, closedAt: null }, now),
      updatedAt: now,
    }).returning();
    await setContactRoles(tx, row!.id, contacts);
    await recordAudit(tx, ctx.actor, now, [{ entity: 'opportunity', entityId: row!.id, action: 'create', after: { ...row, contacts } }]);
    return row!;
  });
}
