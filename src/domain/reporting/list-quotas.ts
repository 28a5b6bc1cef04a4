import { sql } from 'drizzle-orm';
import { authorize } from '../identity/access/authorize.js';
import type { Ctx } from '../shared/context.js';
import { cardInScope } from './card-access.js';
import type { Quota } from './report-card.schema.js';
import type { QuotaListQuery } from './quota.schema.js';

/** Quotas the caller may see (the same scope as report cards), newest period first. */
export async function listQuotas(ctx: Ctx, q: QuotaListQuery): Promise<(Quota & { userName: string })[]> {
  authorize(ctx, 'cards:read');
  const { rows } = await ctx.db.execute<Quota & { userName: string }>(sql`
    select q.id::text, q.user_id::text as "userId", u.name as "userName", q.starts_on::text as "startsOn", q.ends_on::text as "endsOn",
      q.amount::float8 as amount, q.currency
    from quotas q join users u on u.id = q.user_id
    where ${q.userId ? sql`q.user_id = ${q.userId}::uuid` : sql`true`}
      and ${q.on ? sql`q.starts_on <= ${q.on}::date and q.ends_on >= ${q.on}::date` : sql`true`}
    order by q.starts_on desc, u.name limit 1000`);
  return rows.filter((r) => cardInScope(ctx, r.userId));
}
