import { eq } from 'drizzle-orm';
import { accounts, sites } from '../../db/schema/index.js';
import { recordAudit } from '../shared/audit.js';
import type { Ctx } from '../shared/context.js';
import { notFound } from '../shared/errors.js';
import type { CreateSiteInput, Site } from './account.schema.js';
import { authorize } from '../identity/access/authorize.js';
import { assertVisible } from '../identity/access/assert-visible.js';

export async function addSite(ctx: Ctx, accountId: string, input: CreateSiteInput): Promise<Site> {
  authorize(ctx, 'accounts:write');
  await assertVisible(ctx, 'account', accountId);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [account] = await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, accountId));
    if (!account) throw notFound('account', accountId);
    const [row] = await tx.insert(sites).values({ ...input, accountId, createdAt: now }).returning();
    await recordAudit(tx, ctx.actor, now, [{ entity: 'site', entityId: row!.id, action: 'create', after: row }]);
    return row!;
  });
}
