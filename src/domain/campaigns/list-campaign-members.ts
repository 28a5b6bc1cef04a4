import { eq, sql } from 'drizzle-orm';
import { campaigns, people } from '../../db/schema/index.js';
import { z } from '../shared/zod.js';
import { authorize } from '../identity/access/authorize.js';
import { peopleScope } from '../identity/access/record-scope.js';
import type { Ctx } from '../shared/context.js';
import { notFound } from '../shared/errors.js';
import { keysetPage, type Page, type PageParams, type SortSpec } from '../shared/list.js';

export const CampaignMemberSchema = z.object({
  id: z.uuid(), email: z.string(), firstName: z.string().nullable(), lastName: z.string().nullable(), companyName: z.string().nullable(),
  lifecycleStage: z.string(), accountId: z.uuid().nullable(),
  touches: z.number().int(), firstTouchAt: z.string(), lastTouchAt: z.string(),
}).openapi('CampaignMember');
export type CampaignMember = z.infer<typeof CampaignMemberSchema>;
export const CAMPAIGN_MEMBER_SORTS = ['lastTouchAt', 'firstTouchAt', 'email'] as const;

/**
 * A campaign's members: the people who touched it (effective touches only), with how often and
 * when, among the people the caller may see.
 */
export async function listCampaignMembers(ctx: Ctx, campaignId: string, page: PageParams): Promise<Page<CampaignMember>> {
  authorize(ctx, 'campaigns:read');
  authorize(ctx, 'people:read');
  const [exists] = await ctx.db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.id, campaignId));
  if (!exists) throw notFound('campaign', campaignId);
  const touches = sql`from touchpoints t where t.person_id = "people"."id" and t.campaign_id = ${campaignId}::uuid and not t.retracted
    and not exists (select 1 from touchpoints c where c.corrects_id = t.id)`;
  const lastAt = sql`(select max(t.occurred_at) ${touches})`;
  const firstAt = sql`(select min(t.occurred_at) ${touches})`;
  const sorts: Record<string, SortSpec> = {
    lastTouchAt: { expr: lastAt, cast: 'timestamptz' },
    firstTouchAt: { expr: firstAt, cast: 'timestamptz' },
    email: { expr: sql`${people.email}`, cast: 'text' },
  };
  return keysetPage<CampaignMember>({
    params: page, sorts, idExpr: sql`"people"."id"`, idCast: 'uuid',
    where: [
      peopleScope(ctx.principal),
      sql`"people"."id" in (select t.person_id from touchpoints t where t.campaign_id = ${campaignId}::uuid and t.person_id is not null)`,
      sql`exists (select 1 ${touches})`,
    ],
    run: (w, order, limit) => ctx.db.select({
      id: people.id, email: people.email, firstName: people.firstName, lastName: people.lastName, companyName: people.companyName,
      lifecycleStage: people.lifecycleStage, accountId: people.accountId,
      touches: sql<number>`(select count(*)::int ${touches})`,
      firstTouchAt: sql<string>`${firstAt}`, lastTouchAt: sql<string>`${lastAt}`,
      _sort: sorts[page.sort]!.expr,
    }).from(people).where(w).orderBy(order).limit(limit) as Promise<(CampaignMember & { _sort: unknown })[]>,
  });
}
