import { eq, getTableColumns, sql } from 'drizzle-orm';
import { accounts, people, users } from '../../db/schema/index.js';
import type { Ctx } from '../shared/context.js';
import { notFound } from '../shared/errors.js';
import type { PersonDetail } from './person.schema.js';
import { authorize } from '../identity/access/authorize.js';
import { assertVisible } from '../identity/access/assert-visible.js';

export async function getPerson(ctx: Ctx, id: string): Promise<PersonDetail> {
  authorize(ctx, 'people:read');
  await assertVisible(ctx, 'person', id);
  const [row] = await ctx.db.select({
    ...getTableColumns(people),
    account: sql<PersonDetail['account']>`case when ${accounts.id} is null then null else json_build_object('id', ${accounts.id}, 'name', ${accounts.name}) end`,
    owner: sql<PersonDetail['owner']>`case when ${users.id} is null then null else json_build_object('id', ${users.id}, 'name', ${users.name}) end`,
  }).from(people)
    .leftJoin(accounts, eq(accounts.id, people.accountId))
    .leftJoin(users, eq(users.id, people.ownerId))
    .where(eq(people.id, id));
  if (!row) throw notFound('person', id);
  return row;
}
