import { eq, getTableColumns, sql } from 'drizzle-orm';
import { campaigns } from '../../db/schema/index.js';
import type { Ctx } from '../shared/context.js';
import { notFound } from '../shared/errors.js';
import { authorize } from '../identity/access/authorize.js';

export async function getCampaign(ctx: Ctx, id: string) {
  authorize(ctx, 'campaigns:read');
  const [row] = await ctx.db.select({
    ...getTableColumns(campaigns),
    stats: sql<{ touches: number; people: number; accounts: number }>`(select json_build_object(
      'touches', count(*), 'people', count(distinct t.person_id), 'accounts', count(distinct t.account_id))
      from touchpoints t where t.campaign_id = ${sql.raw('"campaigns"."id"')})`,
  }).from(campaigns).where(eq(campaigns.id, id));
  if (!row) throw notFound('campaign', id);
  return row;
}
