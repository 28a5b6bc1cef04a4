import { eq, getTableColumns, sql } from 'drizzle-orm';
import { opportunities } from '../../db/schema/index.js';
import type { Ctx } from '../shared/context.js';
import { notFound } from '../shared/errors.js';
import type { OpportunityDetail } from './opportunity.schema.js';
import { authorize } from '../identity/access/authorize.js';
import { assertVisible } from '../identity/access/assert-visible.js';

export async function getOpportunity(ctx: Ctx, id: string): Promise<OpportunityDetail> {
  authorize(ctx, 'opportunities:read');
  await assertVisible(ctx, 'opportunity', id);
  const [row] = await ctx.db.select({
    ...getTableColumns(opportunities),
    account: sql<OpportunityDetail['account']>`(select json_build_object('id', a.id, 'name', a.name) from accounts a where a.id = ${sql.raw('"opportunities"."account_id"')})`,
    owner: sql<OpportunityDetail['owner']>`(select json_build_object('id', u.id, 'name', u.name) from users u where u.id = ${sql.raw('"opportunities"."owner_id"')})`,
    contacts: sql<OpportunityDetail['contacts']>`coalesce((select json_agg(json_build_object(
        'personId', p.id, 'role', oc.role, 'email', p.email,
        'name', nullif(trim(coalesce(p.first_name, '') || ' ' || coalesce(p.last_name, '')), '')) order by oc.role, p.email)
      from opportunity_contacts oc join people p on p.id = oc.person_id where oc.opportunity_id = ${sql.raw('"opportunities"."id"')}), '[]')`,
  }).from(opportunities).where(eq(opportunities.id, id));
  if (!row) throw notFound('opportunity', id);
  return row;
}
