import { sql } from 'drizzle-orm';
import { ATTRIBUTION_MODELS } from '../../db/schema/attribution.js';
import type { Channel } from '../../db/schema/vocabulary.js';
import { authorize } from '../identity/access/authorize.js';
import type { Ctx } from '../shared/context.js';
import type { CampaignRoi } from './attribution.schema.js';
import { monthRange } from './get-attribution-report.js';

/**
 * Per campaign: revenue and pipeline credited to it under every model, side by side, and ROI =
 * attributed revenue ÷ actual cost. Only credit in the campaign's own currency is divided by its
 * cost (no exchange rates are assumed); credit in other currencies is listed beside it. A
 * campaign without a cost has no ROI (null), never an infinite or zero one.
 */
export async function getCampaignRoi(ctx: Ctx, q: { from?: string | undefined; to?: string | undefined }): Promise<CampaignRoi[]> {
  authorize(ctx, 'attribution:read');
  authorize(ctx, 'campaigns:read');
  const [{ rows: campaigns }, { rows: credit }] = await Promise.all([
    ctx.db.execute<{ id: string; name: string; channel: Channel; currency: string; actual_cost: number | null }>(sql`
      select id, name, channel, currency, actual_cost::float8 as actual_cost from campaigns order by name`),
    ctx.db.execute<{ key: string; model: string; stage: 'pipeline' | 'revenue'; currency: string; credit: number }>(sql`
      select r.key, r.model, r.stage, r.currency, sum(r.credit)::float8 as credit from attribution_rollups r
      where r.dimension = 'campaign' and r.key <> '' and ${monthRange(sql`r.month`, q.from, q.to)}
      group by 1, 2, 3, 4`),
  ]);
  return campaigns.map((c) => {
    const mine = credit.filter((r) => r.key === c.id);
    const models: CampaignRoi['models'] = {};
    for (const m of ATTRIBUTION_MODELS) {
      const sum = (stage: 'pipeline' | 'revenue') => mine.filter((r) => r.model === m && r.stage === stage && r.currency === c.currency).reduce((s, r) => s + r.credit, 0);
      const revenue = sum('revenue');
      models[m] = { revenue, pipeline: sum('pipeline'), roi: c.actual_cost && c.actual_cost > 0 ? revenue / c.actual_cost : null };
    }
    const other = new Map<string, number>();
    for (const r of mine) if (r.stage === 'revenue' && r.currency !== c.currency && r.model === 'w_shaped') other.set(r.currency, (other.get(r.currency) ?? 0) + r.credit);
    return {
      campaignId: c.id, name: c.name, channel: c.channel, currency: c.currency, actualCost: c.actual_cost === null ? null : Number(c.actual_cost),
      models, otherCurrencies: [...other].map(([currency, revenue]) => ({ currency, revenue })),
    };
  });
}
