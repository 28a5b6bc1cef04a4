import { eq, sql } from 'drizzle-orm';
import { accountDomains, accounts } from '../../db/schema/index.js';
import { assertCustomValues } from '../custom-fields/check-custom-values.js';
import { listCustomFields } from '../custom-fields/list-custom-fields.js';
import { recordAudit } from '../shared/audit.js';
import { scorePeople } from '../scoring/score-people.js';
import type { Ctx } from '../shared/context.js';
import { invalid, notFound } from '../shared/errors.js';
import type { Account, UpdateAccountInput } from './account.schema.js';
import { setAccountDomains } from './set-account-domains.js';
import { authorize } from '../identity/access/authorize.js';
import { assertVisible } from '../identity/access/assert-visible.js';

export async function updateAccount(ctx: Ctx, id: string, input: UpdateAccountInput): Promise<Account> {
  authorize(ctx, 'accounts:write');
  await assertVisible(ctx, 'account', id);
  const { domains, custom: rawCustom, ...fields } = input;
  const custom = rawCustom ? assertCustomValues(await listCustomFields(ctx.db, 'account'), rawCustom) : undefined;
  const now = ctx.clock.now();
  const updated = await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(accounts).where(eq(accounts.id, id)).for('update');
    if (!before) throw notFound('account', id);
    if (fields.parentId) await assertNoCycle(tx, id, fields.parentId);
    const [row] = await tx.update(accounts)
      .set({ ...fields, custom: custom ? { ...before.custom, ...custom } : before.custom, updatedAt: now })
      .where(eq(accounts.id, id)).returning();
    if (domains) await setAccountDomains(tx, id, domains);
    const current = (await tx.select({ d: accountDomains.domain }).from(accountDomains).where(eq(accountDomains.accountId, id))).map((r) => r.d).sort();
    const after = { ...row!, domains: current };
    await recordAudit(tx, ctx.actor, now, [{ entity: 'account', entityId: id, action: 'update', before, after }]);
    return after;
  });
  // Fit rules read the account: its people's scores follow (a few hundred at most per account).
  const { rows } = await ctx.db.execute<{ id: string }>(sql`select id from people where account_id = ${id}::uuid limit 5000`);
  await scorePeople(ctx, rows.map((r) => r.id));
  return updated;
}

/** An account cannot become its own ancestor. */
async function assertNoCycle(tx: Parameters<Parameters<Ctx['db']['transaction']>[0]>[0], id: string, parentId: string): Promise<void> {
  let cursor: string | null = parentId;
  for (let depth = 0; cursor && depth < 50; depth++) {
    if (cursor === id) throw invalid('parentId', 'this parent would make the account its own ancestor');
    const [p]: { parentId: string | null }[] = await tx.select({ parentId: accounts.parentId }).from(accounts).where(eq(accounts.id, cursor));
    if (!p && depth === 0) throw invalid('parentId', 'no such account');
    cursor = p?.parentId ?? null;
  }
}
