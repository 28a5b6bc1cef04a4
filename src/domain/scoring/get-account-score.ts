import { sql } from 'drizzle-orm';
import { z } from '../shared/zod.js';
import { assertVisible } from '../identity/access/assert-visible.js';
import { authorize } from '../identity/access/authorize.js';
import { peopleScope } from '../identity/access/record-scope.js';
import type { Ctx } from '../shared/context.js';
import { liveScoringModel } from './list-scoring-models.js';
import { ScoringDefinition } from './scoring-model.schema.js';

export const AccountScoreSchema = z.object({
  accountId: z.uuid(), modelVersion: z.number().int(),
  engagement: z.number().describe('Sum of the engagement of the most engaged people'),
  fit: z.number().nullable().describe('The best fit among its people'),
  mqls: z.number().int(), people: z.number().int(), threshold: z.number(),
  qualified: z.boolean(), qualifiedBecause: z.enum(['engagement', 'mqls']).nullable(),
  top: z.array(z.object({ personId: z.uuid(), name: z.string(), engagement: z.number(), total: z.number(), grade: z.string() })),
}).openapi('AccountScore');
export type AccountScore = z.infer<typeof AccountScoreSchema>;

/**
 * The account as a buying unit: its people's engagement rolls up (the most engaged few, so a
 * big account is not qualified by headcount alone), and the account qualifies as a whole on
 * that sum or on several MQLs at once.
 */
export async function getAccountScore(ctx: Ctx, accountId: string): Promise<AccountScore | null> {
  authorize(ctx, 'accounts:read');
  await assertVisible(ctx, 'account', accountId);
  const model = await liveScoringModel(ctx);
  if (!model) return null;
  const def = ScoringDefinition.parse(model.definition);
  const threshold = def.account.threshold ?? def.mqlThreshold * 2;
  const scope = peopleScope(ctx.principal) ?? sql`true`;
  const { rows } = await ctx.db.execute<{ personId: string; name: string; engagement: number; total: number; fit: number; grade: string; mql: boolean }>(sql`
    select people.id as "personId", coalesce(nullif(concat_ws(' ', people.first_name, people.last_name), ''), people.email) as name,
           s.engagement, s.total, s.fit, s.grade, (s.mql_reason is not null or people.lifecycle_stage = 'mql') as mql
    from people join person_scores s on s.person_id = people.id
    where people.account_id = ${accountId}::uuid and ${scope}
    order by s.engagement desc`);
  const top = rows.slice(0, def.account.topPeople);
  const engagement = Math.round(top.reduce((n, r) => n + Math.max(0, r.engagement), 0) * 100) / 100;
  const mqls = rows.filter((r) => r.mql).length;
  const qualifiedBecause = engagement >= threshold ? 'engagement' : mqls >= def.account.minMqls ? 'mqls' : null;
  return {
    accountId, modelVersion: model.version, engagement, fit: rows.length ? Math.max(...rows.map((r) => r.fit)) : null,
    mqls, people: rows.length, threshold, qualified: qualifiedBecause !== null, qualifiedBecause,
    top: top.map(({ personId, name, engagement: e, total, grade }) => ({ personId, name, engagement: e, total, grade })),
  };
}
