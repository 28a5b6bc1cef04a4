import { accounts } from '../../db/schema/index.js';
import { assertCustomValues } from '../custom-fields/check-custom-values.js';
import { listCustomFields } from '../custom-fields/list-custom-fields.js';
import { recordAudit } from '../shared/audit.js';
import type { Ctx } from '../shared/context.js';
import type { Account, CreateAccountInput } from './account.schema.js';
import { setAccountDomains } from './set-account-domains.js';
import { authorize } from '../identity/access/authorize.js';

export async function createAccount(ctx: Ctx, input: CreateAccountInput): Promise<Account> {
  authorize(ctx, 'accounts:write');
  const { domains = [], custom: rawCustom, ...fields } = input;
  const custom = rawCustom ? assertCustomValues(await listCustomFields(ctx.db, 'account'), rawCustom) : {};
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.insert(accounts).values({ ...fields, custom, createdAt: now, updatedAt: now }).returning();
    await setAccountDomains(tx, row!.id, domains);
    const account = { ...row!, domains: [...new Set(domains)].sort() };
    await recordAudit(tx, ctx.actor, now, [{ entity: 'account', entityId: row!.id, action: 'create', after: account }]);
    return account;
  });
}
