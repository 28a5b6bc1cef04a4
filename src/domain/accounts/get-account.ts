import { asc, eq, getTableColumns, sql } from 'drizzle-orm';
import { accounts, sites } from '../../db/schema/index.js';
import type { Ctx } from '../shared/context.js';
import { notFound } from '../shared/errors.js';
import type { AccountDetail } from './account.schema.js';
import { domainsOf } from './list-accounts.js';
import { authorize } from '../identity/access/authorize.js';
import { assertVisible } from '../identity/access/assert-visible.js';

export async function getAccount(ctx: Ctx, id: string): Promise<AccountDetail> {
  authorize(ctx, 'accounts:read');
  await assertVisible(ctx, 'account', id);
  const [row] = await ctx.db.select({
    ...getTableColumns(accounts),
    domains: domainsOf,
    owner: sql<AccountDetail['owner']>`(select json_build_object('id', u.id, 'name', u.name) from users u where u.id = ${sql.raw('"accounts"."owner_id"')})`,
    parent: sql<AccountDetail['parent']>`(select json_build_object('id', p.id, 'name', p.name) from accounts p where p.id = ${sql.raw('"accounts"."parent_id"')})`,
    children: sql<AccountDetail['children']>`coalesce((select json_agg(json_build_object('id', c.id, 'name', c.name) order by c.name) from accounts c where c.parent_id = ${sql.raw('"accounts"."id"')}), '[]')`,
    counts: sql<AccountDetail['counts']>`json_build_object(
      'people', (select count(*) from people p where p.account_id = ${sql.raw('"accounts"."id"')}),
      'opportunities', (select count(*) from opportunities o where o.account_id = ${sql.raw('"accounts"."id"')}),
      'touchpoints', (select count(*) from touchpoints t where t.account_id = ${sql.raw('"accounts"."id"')}))`,
  }).from(accounts).where(eq(accounts.id, id));
  if (!row) throw notFound('account', id);
  const siteRows = await ctx.db.select().from(sites).where(eq(sites.accountId, id)).orderBy(asc(sites.name));
  return { ...row, sites: siteRows };
}
