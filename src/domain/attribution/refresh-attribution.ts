import { sql } from 'drizzle-orm';
import { CHANNELS } from '../../db/schema/vocabulary.js';
import { authorize } from '../identity/access/authorize.js';
import type { Ctx } from '../shared/context.js';
import { readAttributionConfig } from './attribution-settings.js';
import { applyDataDriven, creditDeals } from './credit-deals.js';
import type { DataDrivenFit } from './fit-data-driven.js';
import { loadCreditInputs, SIDE_CODES, toUuidArray, type Dimensions } from './load-credit-inputs.js';
import { RollupCells, type TouchDims } from './rollup-cells.js';
import { addRollups, ATTRIBUTION_LOCK, unpackCredits, writeJourneys } from './write-credits.js';

export type RefreshResult = { deals: number; ms: number; deferred?: boolean };

/** A full recompute older than this is taken for dead (the job's own expiry is 30 minutes). */
const FULL_RUN_STALE_MS = 30 * 60_000;

/** The channel shares of the latest completed full recompute (the data-driven models are refitted by that job). */
export async function latestFit(ctx: Ctx): Promise<DataDrivenFit | null> {
  const { rows: [r] } = await ctx.db.execute<{ data_driven: DataDrivenFit | null }>(sql`
    select data_driven from attribution_runs where kind = 'full' and status = 'completed' and data_driven is not null order by started_at desc limit 1`);
  return r?.data_driven ?? null;
}

/**
 * Recomputes the credit of a few deals (after a new touch, a correction, an edited deal or a
 * ruling) and moves the rollups by the difference, in one short transaction: the deal's old
 * contribution out, the new one in. The data-driven models use the channel shares of the last
 * full recompute.
 */
export async function refreshAttribution(ctx: Ctx, opportunityIds: string[], options: { fit?: DataDrivenFit | null; partOfFullRun?: boolean } = {}): Promise<RefreshResult> {
  authorize(ctx, 'attribution:write');
  const t0 = performance.now();
  const ids = [...new Set(opportunityIds)];
  if (ids.length === 0) return { deals: 0, ms: 0 };
  const config = await readAttributionConfig(ctx.db);
  const fit = options.fit !== undefined ? options.fit : await latestFit(ctx);
  const inputs = await loadCreditInputs(ctx.db, config, ids);
  const credits = creditDeals(inputs, config, { markov: null, shapley: null });
  if (fit) applyDataDriven(credits, inputs, { markov: fit.markovShares, shapley: fit.shapleyShares });

  const cells = new RollupCells(inputs.dims);
  const tc = inputs.touches;
  const written = await ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${ATTRIBUTION_LOCK})`);
    // While a full recompute runs, its rollup swap would undo a delta written now: leave these
    // deals to the recompute's own catch-up (it refreshes everything changed since it started).
    if (!options.partOfFullRun) {
      const since = new Date(ctx.clock.now().getTime() - FULL_RUN_STALE_MS).toISOString();
      const { rows: busy } = await tx.execute(sql`select 1 from attribution_runs where kind = 'full' and status = 'running' and started_at > ${since}::timestamptz limit 1`);
      if (busy.length) return false;
    }
    // The old contribution, read under the lock so two refreshes of one deal cannot both subtract it.
    const { rows: old } = await tx.execute<{ id: string; amount: number; pipeline_amount: number; currency: string; created: number; won: number | null; touches: number; credits: Buffer }>(sql`
      select opportunity_id as id, amount::float8 as amount, pipeline_amount::float8 as pipeline_amount, currency, (extract(epoch from created_at) * 1000)::float8 as created,
        (extract(epoch from won_at) * 1000)::float8 as won, touches, credits
      from attribution_journeys where opportunity_id = any(${toUuidArray(ids)}::uuid[])`);
    // A deal without audit keeps the amount at creation it was first credited with.
    const firstCredited = new Map(old.map((o) => [o.id, Number(o.pipeline_amount)]));
    for (const c of credits) {
      const stored = firstCredited.get(c.deal.id);
      if (!c.deal.pipelineAmountKnown && stored !== undefined) c.deal.pipelineAmount = stored;
      const dims: TouchDims[] = Array.from(c.touches, (i) => ({ channel: tc.channel[i]!, side: tc.side[i]!, campaign: tc.campaign[i]!, asset: tc.asset[i]!, user: tc.user[i]! }));
      cells.add(1, { amount: c.deal.amount, pipelineAmount: c.deal.pipelineAmount, currency: c.deal.currency, createdAt: c.deal.createdAt, wonAt: c.deal.isWon ? c.deal.closedAt : null }, dims, c.weights);
    }
    const unpacked = old.map((o) => ({ o, ...unpackCredits(o.credits, o.touches, o.won !== null) }));
    const dimsOf = await touchDims(tx as unknown as Ctx['db'], unpacked.flatMap((u) => u.touchIds), inputs.dims);
    for (const { o, touchIds, weights } of unpacked) {
      cells.add(-1, { amount: Number(o.amount), pipelineAmount: Number(o.pipeline_amount), currency: o.currency, createdAt: Number(o.created), wonAt: o.won === null ? null : Number(o.won) }, touchIds.map((id) => dimsOf.get(id)!), weights);
    }
    await writeJourneys(tx as unknown as Ctx['db'], credits, tc, ctx.clock.now());
    const gone = ids.filter((id) => !credits.some((c) => c.deal.id === id));
    if (gone.length) await tx.execute(sql`delete from attribution_journeys where opportunity_id = any(${toUuidArray(gone)}::uuid[])`);
    await addRollups(tx as unknown as Ctx['db'], cells.rows());
    return true;
  });
  if (!written) return { deals: 0, ms: Math.round(performance.now() - t0), deferred: true };
  return { deals: credits.length, ms: Math.round(performance.now() - t0) };
}

/** The dimension values of touches by id (a journey's old touches may since have been corrected). */
export async function touchDims(db: Ctx['db'], ids: number[], dims: Dimensions): Promise<Map<number, TouchDims>> {
  const out = new Map<number, TouchDims>();
  if (ids.length === 0) return out;
  const { rows } = await db.execute<{ id: number; channel: string; side: string; campaign_id: string | null; asset: string | null; by: string | null }>(sql`
    select id, channel, side, campaign_id, asset, case when side = 'marketing' then null else coalesce(properties->>'loggedBy', properties->>'by') end as by
    from touchpoints where id = any(${`{${ids.join(',')}}`}::int8[])`);
  const campaignIndex = new Map(dims.campaigns.map((c, i) => [c.id, i]));
  const userIndex = new Map(dims.users.map((u, i) => [u.id, i]));
  for (const r of rows) {
    let asset = -1;
    if (r.asset) {
      asset = dims.assets.indexOf(r.asset);
      if (asset < 0) { asset = dims.assets.length; dims.assets.push(r.asset); }
    }
    out.set(Number(r.id), {
      channel: Math.max(0, CHANNELS.indexOf(r.channel as (typeof CHANNELS)[number])), side: Math.max(0, SIDE_CODES.indexOf(r.side as (typeof SIDE_CODES)[number])),
      campaign: r.campaign_id ? campaignIndex.get(r.campaign_id) ?? -1 : -1, asset, user: r.by ? userIndex.get(r.by) ?? -1 : -1,
    });
  }
  return out;
}
