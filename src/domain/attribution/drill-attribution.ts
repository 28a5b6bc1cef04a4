import { sql } from 'drizzle-orm';
import { ATTRIBUTION_MODELS } from '../../db/schema/attribution.js';
import type { Channel, Side, TouchKind } from '../../db/schema/vocabulary.js';
import { authorize } from '../identity/access/authorize.js';
import { opportunitiesScope } from '../identity/access/record-scope.js';
import type { Ctx } from '../shared/context.js';
import type { CreditedTouch, DrillQuery } from './attribution.schema.js';
import { MODEL_COUNT, SLOTS } from './credit-deals.js';
import { monthRange } from './get-attribution-report.js';
import { loadDimensions } from './load-credit-inputs.js';
import { touchDims } from './refresh-attribution.js';
import { RollupCells } from './rollup-cells.js';
import { unpackCredits } from './write-credits.js';

/**
 * The touches behind one figure of the report: every touch with that dimension value that got
 * credit under the model, in deals of the period the caller may see, with its weight and its
 * credit (weight × the deal's amount at creation for pipeline, its won amount for revenue), largest first. The sum of `credit` over all of them is the figure
 * (for a caller who sees every deal).
 */
export async function drillAttribution(ctx: Ctx, q: DrillQuery): Promise<{ touches: CreditedTouch[]; total: number; credit: { currency: string; credit: number }[] }> {
  authorize(ctx, 'attribution:read');
  authorize(ctx, 'touchpoints:read');
  const at = q.stage === 'pipeline' ? sql`j.created_at` : sql`j.won_at`;
  const scope = opportunitiesScope(ctx.principal) ?? sql`true`;
  const { rows: journeys } = await ctx.db.execute<{ id: string; name: string; amount: number; currency: string; touches: number; won: boolean; credits: Buffer; ft: number | null; lc: number | null; oc: number | null; cw: number | null }>(sql`
    select j.opportunity_id as id, opportunities.name, ${q.stage === 'pipeline' ? sql`j.pipeline_amount` : sql`j.amount`}::float8 as amount, j.currency, j.touches, j.won_at is not null as won, j.credits,
      j.first_touch_id as ft, j.lead_creation_touch_id as lc, j.opportunity_creation_touch_id as oc, j.closed_won_touch_id as cw
    from attribution_journeys j join opportunities on opportunities.id = j.opportunity_id
    where ${at} is not null and ${monthRange(sql`date_trunc('month', ${at} at time zone 'UTC')::date`, q.from, q.to)} and ${scope}`);
  const slot = (q.stage === 'revenue' ? MODEL_COUNT : 0) + ATTRIBUTION_MODELS.indexOf(q.model);
  const credited: { touchId: number; j: (typeof journeys)[number]; weight: number }[] = [];
  for (const j of journeys) {
    const { touchIds, weights } = unpackCredits(j.credits, j.touches, j.won);
    for (let i = 0; i < touchIds.length; i++) {
      const w = weights[i * SLOTS + slot]!;
      if (w > 0) credited.push({ touchId: touchIds[i]!, j, weight: w });
    }
  }
  const dims = await loadDimensions(ctx.db);
  const dimsOf = await touchDims(ctx.db, [...new Set(credited.map((c) => c.touchId))], dims);
  const cells = new RollupCells(dims);
  const matching = credited.filter((c) => { const d = dimsOf.get(c.touchId); return d && cells.keyFor(q.dimension, d) === q.key; });
  const credit = new Map<string, number>();
  for (const c of matching) credit.set(c.j.currency, (credit.get(c.j.currency) ?? 0) + c.weight * Number(c.j.amount));
  matching.sort((a, b) => b.weight * b.j.amount - a.weight * a.j.amount || a.touchId - b.touchId);
  const shown = matching.slice(0, q.limit);
  const details = await touchDetails(ctx, shown.map((c) => c.touchId));
  return {
    total: matching.length,
    credit: [...credit].map(([currency, value]) => ({ currency, credit: value })),
    touches: shown.map((c) => {
      const t = details.get(c.touchId)!;
      const milestones = (['ft', 'lc', 'oc', 'cw'] as const).filter((m) => Number(c.j[m]) === c.touchId && (m !== 'cw' || q.stage === 'revenue')).map((m) => m.toUpperCase() as 'FT' | 'LC' | 'OC' | 'CW');
      return {
        touchId: c.touchId, occurredAt: t.occurredAt, channel: t.channel, kind: t.kind, side: t.side, campaignId: t.campaignId, asset: t.asset, personId: t.personId,
        opportunityId: c.j.id, opportunityName: c.j.name, currency: c.j.currency, weight: c.weight, credit: c.weight * Number(c.j.amount), milestones,
      };
    }),
  };
}

type Detail = { occurredAt: Date; channel: Channel; kind: TouchKind; side: Side; campaignId: string | null; asset: string | null; personId: string | null };

async function touchDetails(ctx: Ctx, ids: number[]): Promise<Map<number, Detail>> {
  if (!ids.length) return new Map();
  const { rows } = await ctx.db.execute<{ id: number; occurred_at: string; channel: Channel; kind: TouchKind; side: Side; campaign_id: string | null; asset: string | null; person_id: string | null }>(sql`
    select id, occurred_at, channel, kind, side, campaign_id, asset, person_id from touchpoints where id = any(${`{${ids.join(',')}}`}::int8[])`);
  return new Map(rows.map((r) => [Number(r.id), { occurredAt: new Date(r.occurred_at), channel: r.channel, kind: r.kind, side: r.side, campaignId: r.campaign_id, asset: r.asset, personId: r.person_id }]));
}
