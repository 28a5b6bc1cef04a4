import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  AttributionReport, AttributionRun, AttributionSettings, CampaignRoi, Dispute, DisputeQuery, DrillQuery, DrillResult, OpenDisputeInput,
  OpportunityEvidence, ReportQuery, RoiQuery, RuleDisputeInput, SourcedRow, UpdateAttributionSettings,
} from '../../domain/attribution/attribution.schema.js';
import { drillAttribution } from '../../domain/attribution/drill-attribution.js';
import { getAttributionReport } from '../../domain/attribution/get-attribution-report.js';
import { getAttributionRun } from '../../domain/attribution/get-attribution-run.js';
import { getCampaignRoi } from '../../domain/attribution/get-campaign-roi.js';
import { getOpportunityEvidence } from '../../domain/attribution/get-opportunity-evidence.js';
import { getSourcedInfluenced } from '../../domain/attribution/get-sourced-influenced.js';
import { listDisputes, summarizeDisputes } from '../../domain/attribution/list-disputes.js';
import { openDispute } from '../../domain/attribution/open-dispute.js';
import { recomputeAttribution } from '../../domain/attribution/recompute-attribution.js';
import { refreshAttribution } from '../../domain/attribution/refresh-attribution.js';
import { ruleDispute } from '../../domain/attribution/rule-dispute.js';
import { startRecompute } from '../../domain/attribution/start-recompute.js';
import { withdrawDispute } from '../../domain/attribution/withdraw-dispute.js';
import { getAttributionSettings, updateAttributionSettings } from '../../domain/attribution/update-attribution-settings.js';
import type { Ctx } from '../../domain/shared/context.js';
import type { App, AppDeps, AppEnv } from '../app.js';
import { csvExportResponse } from '../csv-export.js';
import { errorResponses, IdParam, json } from './shared.js';

const tags = ['Attribution'];
const csv = { 200: { description: 'CSV file, safe against spreadsheet formula injection', content: { 'text/csv': { schema: z.string() } } }, ...errorResponses };

/** One CSV from rows already in hand (reports are small: one row per channel, campaign, … or month). */
function csvOf(c: Context<AppEnv>, fileName: string, keys: string[], rows: Record<string, unknown>[]) {
  return csvExportResponse(c, { fileName, columns: keys.map((key) => ({ key, header: key })), pages: async () => ({ data: rows, nextCursor: null }) });
}

/** Queues the full recompute (the job), or runs it here where there is no job runner (tests, tools). */
async function queueRecompute(deps: AppDeps, ctx: Ctx): Promise<string> {
  const run = await startRecompute(ctx);
  if (deps.enqueue) await deps.enqueue('recompute-attribution', { runId: run.id });
  else await recomputeAttribution(ctx, { runId: run.id });
  return run.id;
}

export function registerAttributionRoutes(app: App, deps: AppDeps): void {
  app.openapi(createRoute({
    method: 'get', path: '/api/v1/attribution/report', tags,
    summary: 'Credit by channel, campaign, asset, team, side or month under a model, and a second model side by side',
    request: { query: ReportQuery },
    responses: { 200: { description: 'The report', ...json(AttributionReport) }, ...errorResponses },
  }), async (c) => c.json(await getAttributionReport(c.get('ctx'), c.req.valid('query')), 200));

  app.openapi(createRoute({
    method: 'get', path: '/api/v1/attribution/report/export.csv', tags, summary: 'The attribution report as CSV (same query)',
    request: { query: ReportQuery }, responses: csv,
  }), async (c) => {
    const q = c.req.valid('query');
    const r = await getAttributionReport(c.get('ctx'), q);
    const rows = r.rows.map((x) => ({
      [q.dimension]: x.label, key: x.key, currency: x.currency, [`${q.model}_credit`]: x.model.credit, [`${q.model}_deals`]: x.model.deals,
      ...(q.compare && x.compare ? { [`${q.compare}_credit`]: x.compare.credit, [`${q.compare}_deals`]: x.compare.deals } : {}),
    }));
    const keys = [q.dimension, 'key', 'currency', `${q.model}_credit`, `${q.model}_deals`, ...(q.compare ? [`${q.compare}_credit`, `${q.compare}_deals`] : [])];
    return csvOf(c, `attribution-${q.stage}-${q.dimension}.csv`, keys, rows) as never;
  });

  app.openapi(createRoute({
    method: 'get', path: '/api/v1/attribution/touches', tags, summary: 'The touches behind one figure of the report, with each one\'s weight and credit',
    request: { query: DrillQuery },
    responses: { 200: { description: 'Touches, largest credit first', ...json(DrillResult) }, ...errorResponses },
  }), async (c) => c.json(await drillAttribution(c.get('ctx'), c.req.valid('query')), 200));

  app.openapi(createRoute({
    method: 'get', path: '/api/v1/attribution/touches/export.csv', tags, summary: 'The touches behind a figure as CSV (same query)',
    request: { query: DrillQuery }, responses: csv,
  }), async (c) => {
    const r = await drillAttribution(c.get('ctx'), c.req.valid('query'));
    const keys = ['touchId', 'occurredAt', 'channel', 'kind', 'side', 'campaignId', 'asset', 'personId', 'opportunityId', 'opportunityName', 'currency', 'weight', 'credit', 'milestones'];
    return csvOf(c, 'attribution-touches.csv', keys, r.touches.map((t) => ({ ...t, occurredAt: t.occurredAt.toISOString(), milestones: t.milestones.join(' ') }))) as never;
  });

  app.openapi(createRoute({
    method: 'get', path: '/api/v1/attribution/campaign-roi', tags, summary: 'Per campaign: attributed revenue ÷ actual cost under every model, side by side',
    request: { query: RoiQuery },
    responses: { 200: { description: 'One row per campaign', ...json(z.object({ data: z.array(CampaignRoi) })) }, ...errorResponses },
  }), async (c) => c.json({ data: await getCampaignRoi(c.get('ctx'), c.req.valid('query')) }, 200));

  app.openapi(createRoute({
    method: 'get', path: '/api/v1/attribution/campaign-roi/export.csv', tags, summary: 'Campaign ROI as CSV: revenue and ROI per model',
    request: { query: RoiQuery }, responses: csv,
  }), async (c) => {
    const data = await getCampaignRoi(c.get('ctx'), c.req.valid('query'));
    const models = Object.keys(data[0]?.models ?? {});
    const keys = ['campaign', 'channel', 'currency', 'actualCost', ...models.flatMap((m) => [`${m}_revenue`, `${m}_roi`])];
    const rows = data.map((r) => ({
      campaign: r.name, channel: r.channel, currency: r.currency, actualCost: r.actualCost,
      ...Object.fromEntries(models.flatMap((m) => [[`${m}_revenue`, r.models[m]!.revenue], [`${m}_roi`, r.models[m]!.roi]])),
    }));
    return csvOf(c, 'campaign-roi.csv', keys, rows) as never;
  });

  app.openapi(createRoute({
    method: 'get', path: '/api/v1/attribution/sourced', tags, summary: 'Pipeline and revenue per quarter by source (marketing, sales, partner, inside sales) and marketing influence',
    request: { query: RoiQuery },
    responses: { 200: { description: 'One row per quarter, source, influence and currency', ...json(z.object({ data: z.array(SourcedRow) })) }, ...errorResponses },
  }), async (c) => c.json({ data: await getSourcedInfluenced(c.get('ctx'), c.req.valid('query')) }, 200));

  app.openapi(createRoute({
    method: 'get', path: '/api/v1/attribution/sourced/export.csv', tags, summary: 'Sourced and influenced as CSV',
    request: { query: RoiQuery }, responses: csv,
  }), async (c) => {
    const data = await getSourcedInfluenced(c.get('ctx'), c.req.valid('query'));
    return csvOf(c, 'sourced-influenced.csv', ['quarter', 'source', 'influenced', 'currency', 'pipeline', 'pipelineDeals', 'revenue', 'wonDeals'], data) as never;
  });

  app.openapi(createRoute({
    method: 'get', path: '/api/v1/attribution/settings', tags, summary: 'Lookback window, which touches count, time-decay half-life, custom weights',
    responses: { 200: { description: 'The settings', ...json(AttributionSettings) }, ...errorResponses },
  }), async (c) => c.json(await getAttributionSettings(c.get('ctx')), 200));

  app.openapi(createRoute({
    method: 'patch', path: '/api/v1/attribution/settings', tags, summary: 'Change the settings; a full recompute is queued',
    request: { body: { required: true, ...json(UpdateAttributionSettings) } },
    responses: { 200: { description: 'The settings and the queued run', ...json(AttributionSettings.extend({ runId: z.uuid() })) }, ...errorResponses },
  }), async (c) => {
    const ctx = c.get('ctx');
    const settings = await updateAttributionSettings(ctx, c.req.valid('json'));
    return c.json({ ...settings, runId: await queueRecompute(deps, ctx) }, 200);
  });

  app.openapi(createRoute({
    method: 'post', path: '/api/v1/attribution/recompute', tags, summary: 'Queue a full recompute of every deal under every model (the data-driven models refitted); follow it with GET /runs/{id}',
    responses: { 202: { description: 'The run', ...json(z.object({ runId: z.uuid() })) }, ...errorResponses },
  }), async (c) => c.json({ runId: await queueRecompute(deps, c.get('ctx')) }, 202));

  app.openapi(createRoute({
    method: 'post', path: '/api/v1/attribution/refresh', tags, summary: 'Recompute the credit of these deals now (changes are also picked up within seconds by a job)',
    request: { body: { required: true, ...json(z.object({ opportunityIds: z.array(z.uuid()).min(1).max(1_000) })) } },
    responses: { 200: { description: 'Deals refreshed (deferred: a full recompute is running and will pick them up)', ...json(z.object({ deals: z.number().int(), ms: z.number(), deferred: z.boolean().optional() })) }, ...errorResponses },
  }), async (c) => c.json(await refreshAttribution(c.get('ctx'), c.req.valid('json').opportunityIds), 200));

  app.openapi(createRoute({
    method: 'get', path: '/api/v1/attribution/runs/latest', tags, summary: 'The latest full recompute: progress, timings, data-driven fit',
    responses: { 200: { description: 'The run', ...json(AttributionRun) }, ...errorResponses },
  }), async (c) => c.json(await getAttributionRun(c.get('ctx')), 200));

  app.openapi(createRoute({
    method: 'get', path: '/api/v1/attribution/runs/{id}', tags, summary: 'One recompute: progress, timings, data-driven fit',
    request: { params: IdParam },
    responses: { 200: { description: 'The run', ...json(AttributionRun) }, ...errorResponses },
  }), async (c) => c.json(await getAttributionRun(c.get('ctx'), c.req.valid('param').id), 200));

  app.openapi(createRoute({
    method: 'get', path: '/api/v1/opportunities/{id}/evidence', tags, summary: 'Prior-claim evidence: first marketing touch, first sales activity, open deals, lifecycle and hand-offs, on one timeline',
    request: { params: IdParam },
    responses: { 200: { description: 'The evidence', ...json(OpportunityEvidence) }, ...errorResponses },
  }), async (c) => c.json(await getOpportunityEvidence(c.get('ctx'), c.req.valid('param').id), 200));

  app.openapi(createRoute({
    method: 'post', path: '/api/v1/opportunities/{id}/disputes', tags, summary: 'Dispute who sourced the deal, with evidence',
    request: { params: IdParam, body: { required: true, ...json(OpenDisputeInput) } },
    responses: { 201: { description: 'The dispute', ...json(Dispute) }, ...errorResponses },
  }), async (c) => c.json(await openDispute(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 201));

  app.openapi(createRoute({
    method: 'get', path: '/api/v1/attribution/disputes', tags, summary: 'Disputes on the deals you may see, newest first',
    request: { query: DisputeQuery },
    responses: { 200: { description: 'Disputes', ...json(z.object({ data: z.array(Dispute) })) }, ...errorResponses },
  }), async (c) => c.json({ data: await listDisputes(c.get('ctx'), c.req.valid('query')) }, 200));

  app.openapi(createRoute({
    method: 'get', path: '/api/v1/attribution/disputes/export.csv', tags, summary: 'Disputes as CSV (same filters)',
    request: { query: DisputeQuery }, responses: csv,
  }), async (c) => {
    const data = await listDisputes(c.get('ctx'), c.req.valid('query'));
    const keys = ['id', 'opportunityId', 'opportunityName', 'createdAt', 'openedByName', 'openedByTeamName', 'currentSource', 'claimedSource', 'reason', 'evidenceTouchIds', 'status', 'ruledByName', 'ruledSource', 'ruling', 'ruledAt'];
    return csvOf(c, 'disputes.csv', keys, data.map((d) => ({
      ...d, createdAt: d.createdAt.toISOString(), ruledAt: d.ruledAt?.toISOString() ?? null, evidenceTouchIds: d.evidence.touchIds.join(' '),
    }))) as never;
  });

  app.openapi(createRoute({
    method: 'get', path: '/api/v1/attribution/disputes/by-team', tags, summary: 'Open disputes and rulings per team of the opener',
    responses: { 200: { description: 'One row per team', ...json(z.object({ data: z.array(z.object({
      teamId: z.uuid().nullable(), teamName: z.string().nullable(), open: z.number().int(), upheld: z.number().int(), rejected: z.number().int(), withdrawn: z.number().int(),
    })) })) }, ...errorResponses },
  }), async (c) => c.json({ data: await summarizeDisputes(c.get('ctx')) }, 200));

  app.openapi(createRoute({
    method: 'post', path: '/api/v1/attribution/disputes/{id}/ruling', tags, summary: 'Rule on a dispute (sales manager or exec), with a reason; the deal\'s source follows',
    request: { params: IdParam, body: { required: true, ...json(RuleDisputeInput) } },
    responses: { 200: { description: 'The ruled dispute', ...json(Dispute) }, ...errorResponses },
  }), async (c) => c.json(await ruleDispute(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200));

  app.openapi(createRoute({
    method: 'post', path: '/api/v1/attribution/disputes/{id}/withdraw', tags, summary: 'Withdraw an open dispute you opened',
    request: { params: IdParam },
    responses: { 200: { description: 'The withdrawn dispute', ...json(Dispute) }, ...errorResponses },
  }), async (c) => c.json(await withdrawDispute(c.get('ctx'), c.req.valid('param').id), 200));
}
