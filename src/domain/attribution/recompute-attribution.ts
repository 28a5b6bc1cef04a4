import { eq, sql } from 'drizzle-orm';
import { attributionRuns } from '../../db/schema/attribution.js';
import { authorize } from '../identity/access/authorize.js';
import type { Ctx } from '../shared/context.js';
import { readAttributionConfig } from './attribution-settings.js';
import { applyDataDriven, convertingPaths, creditDeals } from './credit-deals.js';
import { fitDataDriven, type DataDrivenFit } from './fit-data-driven.js';
import { loadCreditInputs } from './load-credit-inputs.js';
import { refreshAttribution } from './refresh-attribution.js';
import { RollupCells, type TouchDims } from './rollup-cells.js';
import { addRollups, ATTRIBUTION_LOCK, writeJourneys } from './write-credits.js';
import { changedSince, saveWatermark, currentWatermark } from './watermark.js';

export type RecomputeResult = { runId: string; deals: number; touches: number; timings: Record<string, number>; fit: DataDrivenFit | null };

/**
 * Recomputes every deal's credit under every model and rebuilds the rollups: touches loaded in
 * bulk, credit computed here, written back set-based in chunks (each its own short statement,
 * so requests get the database in between on PGlite), the rollups swapped in one short
 * transaction. Progress is kept in `attribution_runs`. Changes that land while it runs are
 * refreshed at the end, so nothing is lost to the swap. Idempotent: a second run gives the same rows.
 */
export async function recomputeAttribution(ctx: Ctx, options: { dataDriven?: boolean; runId?: string } = {}): Promise<RecomputeResult> {
  authorize(ctx, 'attribution:write');
  const started = ctx.clock.now();
  const t0 = performance.now();
  const timings: Record<string, number> = {};
  const lap = (name: string, since: number) => { timings[name] = Math.round(performance.now() - since); return performance.now(); };
  const runId = options.runId ?? (await ctx.db.insert(attributionRuns).values({ kind: 'full', startedAt: started, step: 'loading' }).returning({ id: attributionRuns.id }))[0]!.id;
  const progress = (step: string, done: number, total: number) =>
    ctx.db.update(attributionRuns).set({ step, done, total }).where(eq(attributionRuns.id, runId));
  try {
    const mark = await currentWatermark(ctx.db);
    const config = await readAttributionConfig(ctx.db);
    let t = performance.now();
    const dataDriven = options.dataDriven !== false;
    // With the data-driven models, one scan reads the deals' journeys and everyone else's alike.
    const inputs = await loadCreditInputs(ctx.db, config, undefined,
      dataDriven ? { nonConverting: { from: new Date(started.getTime() - config.lookbackDays * 86_400_000), to: started } } : {});
    t = lap('load', t);
    await progress('crediting', 0, inputs.deals.length);
    const credits = creditDeals(inputs, config, { markov: null, shapley: null });
    t = lap('credit', t);
    let fit: DataDrivenFit | null = null;
    if (dataDriven) {
      await progress('fitting the data-driven models', 0, inputs.deals.length);
      fit = await fitDataDriven(ctx.db, config, started, convertingPaths(credits, inputs.touches), inputs.nonConverting);
      applyDataDriven(credits, inputs, { markov: fit.markovShares, shapley: fit.shapleyShares });
      t = lap('dataDriven', t);
    }
    const tc = inputs.touches;
    await progress('writing', 0, credits.length);
    // The journeys are written while the rollups are summed: the database works on one chunk
    // while this process sums the next slice (it yields between slices).
    const writing = writeJourneys(ctx.db, credits, tc, started, (done) => void progress('writing', done, credits.length));
    writing.catch(() => undefined); // awaited below; a failure must not count as unhandled meanwhile
    const cells = new RollupCells(inputs.dims);
    for (let s = 0; s < credits.length; s += 500) {
      for (const c of credits.slice(s, s + 500)) {
        const dims: TouchDims[] = Array.from(c.touches, (i) => ({ channel: tc.channel[i]!, side: tc.side[i]!, campaign: tc.campaign[i]!, asset: tc.asset[i]!, user: tc.user[i]! }));
        cells.add(1, { amount: c.deal.amount, pipelineAmount: c.deal.pipelineAmount, currency: c.deal.currency, createdAt: c.deal.createdAt, wonAt: c.deal.isWon ? c.deal.closedAt : null }, dims, c.weights);
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    const rows = cells.rows();
    t = lap('rollup', t);
    await writing;
    await ctx.db.execute(sql`delete from attribution_journeys j where j.computed_at < ${started.toISOString()}::timestamptz and not exists (select 1 from opportunities o where o.id = j.opportunity_id)`);
    t = lap('writeJourneys', t);
    await ctx.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${ATTRIBUTION_LOCK})`);
      await tx.execute(sql`delete from attribution_rollups`);
      await addRollups(tx, rows);
    });
    t = lap('writeRollups', t);
    // What changed while this ran (new touches, edited deals) is refreshed on top of the swap.
    const late = await changedSince(ctx.db, config, mark);
    if (late.opportunityIds.length) await refreshAttribution(ctx, late.opportunityIds, { fit, partOfFullRun: true });
    await saveWatermark(ctx.db, late.watermark);
    t = lap('catchUp', t);
    // PGlite runs no autovacuum: without this every recompute's rewrite of the journeys (~20 MB
    // on the large demo) would stay as dead rows and the table grow run after run.
    if (ctx.engine === 'pglite') {
      await ctx.db.execute(sql`vacuum attribution_journeys`);
      await ctx.db.execute(sql`vacuum attribution_rollups`);
      lap('vacuum', t);
    }
    timings.total = Math.round(performance.now() - t0);
    await ctx.db.update(attributionRuns).set({
      status: 'completed', step: 'done', done: credits.length, total: credits.length, finishedAt: ctx.clock.now(), timings,
      dataDriven: fit as unknown as Record<string, unknown> | null,
    }).where(eq(attributionRuns.id, runId));
    ctx.log.info({ runId, deals: credits.length, timings }, 'attribution recomputed');
    return { runId, deals: credits.length, touches: tc.size, timings, fit };
  } catch (err) {
    await ctx.db.update(attributionRuns).set({ status: 'failed', error: err instanceof Error ? err.message : String(err), finishedAt: ctx.clock.now() })
      .where(eq(attributionRuns.id, runId));
    throw err;
  }
}
