import { createRoute, z } from '@hono/zod-openapi';
import { getScoreboard } from '../../domain/reporting/get-scoreboard.js';
import { getTeamOverview } from '../../domain/reporting/get-team-overview.js';
import { Scoreboard, ScoreboardQuery, TeamMemberRow } from '../../domain/reporting/scoreboard.schema.js';
import { getWaterfall } from '../../domain/reporting/get-waterfall.js';
import { listWaterfallPeople } from '../../domain/reporting/list-waterfall-people.js';
import { Waterfall, WaterfallPeople, WaterfallPeopleQuery, WaterfallQuery } from '../../domain/reporting/waterfall.schema.js';
import { getMarketingCard } from '../../domain/reporting/get-marketing-card.js';
import { getRepCard } from '../../domain/reporting/get-rep-card.js';
import { getSdrCard } from '../../domain/reporting/get-sdr-card.js';
import { importQuotas } from '../../domain/reporting/import-quotas.js';
import { listQuotas } from '../../domain/reporting/list-quotas.js';
import { QuotaImportResult, QuotaListQuery, SetQuotaInput } from '../../domain/reporting/quota.schema.js';
import { CardQuery, MarketingCard, Quota, RepCard, SdrCard } from '../../domain/reporting/report-card.schema.js';
import { setQuota } from '../../domain/reporting/set-quota.js';
import { DomainError } from '../../domain/shared/errors.js';
import { AnswerSurveyInput, Alignment } from '../../domain/reporting/alignment.schema.js';
import { answerAlignmentSurvey } from '../../domain/reporting/answer-alignment-survey.js';
import { getAlignment } from '../../domain/reporting/get-alignment.js';
import { getGoalBoard } from '../../domain/reporting/get-goal-board.js';
import { CommitGoalInput, GoalBoard, RevenueGoal, SetGoalInput } from '../../domain/reporting/goal.schema.js';
import { commitRevenueGoal, setRevenueGoal } from '../../domain/reporting/set-revenue-goal.js';
import type { App } from '../app.js';
import { errorResponses, IdParam, json } from './shared.js';

const tags = ['Reporting'];

export function registerReportingRoutes(app: App): void {
  app.openapi(createRoute({
    method: 'get', path: '/api/v1/reports/scoreboard', tags,
    summary: 'Pipeline, wins, losses, funnel and touches for a period, over the records you may see',
    request: { query: ScoreboardQuery },
    responses: { 200: { description: 'The scoreboard', ...json(Scoreboard) }, ...errorResponses },
  }), async (c) => c.json(await getScoreboard(c.get('ctx'), c.req.valid('query')), 200));

  app.openapi(createRoute({
    method: 'get', path: '/api/v1/reports/team', tags,
    summary: "Each seller of your team: open deals, won this quarter, leads waiting and accepted",
    responses: { 200: { description: 'One row per seller', ...json(z.object({ data: z.array(TeamMemberRow) })) }, ...errorResponses },
  }), async (c) => c.json({ data: await getTeamOverview(c.get('ctx')) }, 200));

  app.openapi(createRoute({
    method: 'get', path: '/api/v1/reports/waterfall', tags,
    summary: 'The demand waterfall: people entering each stage, conversion and velocity, by cohort, source, channel, campaign, segment or team; re-entries apart',
    request: { query: WaterfallQuery },
    responses: { 200: { description: 'The waterfall', ...json(Waterfall) }, ...errorResponses },
  }), async (c) => c.json(await getWaterfall(c.get('ctx'), c.req.valid('query')), 200));

  app.openapi(createRoute({
    method: 'get', path: '/api/v1/reports/waterfall/people', tags,
    summary: 'The people behind one figure of the waterfall',
    request: { query: WaterfallPeopleQuery },
    responses: { 200: { description: 'The people, and how many there are', ...json(WaterfallPeople) }, ...errorResponses },
  }), async (c) => c.json(await listWaterfallPeople(c.get('ctx'), c.req.valid('query')), 200));

  const UserParam = z.object({ userId: z.string().openapi({ param: { name: 'userId', in: 'path' }, description: "A user's id, or `me`" }) });
  const who = (c: { get(k: 'ctx'): { principal: { userId: string | null } } }, userId: string) => {
    const id = userId === 'me' ? c.get('ctx').principal.userId : userId;
    if (!id || !/^[0-9a-f-]{36}$/i.test(id)) throw new DomainError('validation_failed', 'userId must be a user id or `me` (for a signed-in user)', [{ path: 'userId', message: 'not a user id' }]);
    return id;
  };

  app.openapi(createRoute({
    method: 'get', path: '/api/v1/reports/cards/rep/{userId}', tags,
    summary: "A seller's report card: quota and attainment, pipeline, coverage, win rate, deal size, cycle, leads and SLA, activities (reps: their own; managers: their team's)",
    request: { params: UserParam, query: CardQuery },
    responses: { 200: { description: 'The card', ...json(RepCard) }, ...errorResponses },
  }), async (c) => c.json(await getRepCard(c.get('ctx'), who(c, c.req.valid('param').userId), c.req.valid('query')), 200));

  app.openapi(createRoute({
    method: 'get', path: '/api/v1/reports/cards/sdr/{userId}', tags,
    summary: "An SDR's report card: queue, time to accept, acceptance and qualification rates, SQLs passed, breaches",
    request: { params: UserParam, query: CardQuery },
    responses: { 200: { description: 'The card', ...json(SdrCard) }, ...errorResponses },
  }), async (c) => c.json(await getSdrCard(c.get('ctx'), who(c, c.req.valid('param').userId), c.req.valid('query')), 200));

  app.openapi(createRoute({
    method: 'get', path: '/api/v1/reports/cards/marketing', tags,
    summary: 'The marketing scorecard, for the whole team or one program owner: MQLs, acceptance, rejection reasons, sourced and influenced, cost per MQL/SQL/opportunity, campaign ROI',
    request: { query: CardQuery.extend({ ownerId: z.uuid().optional().describe('A program owner (campaign owner); absent = the whole team') }) },
    responses: { 200: { description: 'The scorecard', ...json(MarketingCard) }, ...errorResponses },
  }), async (c) => { const q = c.req.valid('query'); return c.json(await getMarketingCard(c.get('ctx'), q.ownerId ?? null, q), 200); });

  app.openapi(createRoute({
    method: 'get', path: '/api/v1/quotas', tags,
    summary: 'Quotas you may see (yours; your team\'s for a manager; everyone\'s for admins, execs and marketing)',
    request: { query: QuotaListQuery },
    responses: { 200: { description: 'The quotas', ...json(z.object({ data: z.array(Quota.extend({ userName: z.string() })) })) }, ...errorResponses },
  }), async (c) => c.json({ data: await listQuotas(c.get('ctx'), c.req.valid('query')) }, 200));

  app.openapi(createRoute({
    method: 'put', path: '/api/v1/quotas', tags,
    summary: "Set a seller's quota for a period (managers: their team; replaces the quota with the same start)",
    request: { body: { required: true, ...json(SetQuotaInput) } },
    responses: { 200: { description: 'The quota', ...json(Quota) }, ...errorResponses },
  }), async (c) => c.json(await setQuota(c.get('ctx'), c.req.valid('json')), 200));

  app.openapi(createRoute({
    method: 'post', path: '/api/v1/quotas/import', tags,
    summary: 'Set quotas from a CSV: email,starts_on,ends_on,amount[,currency]; good rows are saved, bad ones reported by row',
    request: { body: { required: true, content: { 'text/csv': { schema: z.string() } } } },
    responses: { 200: { description: 'Saved rows and errors', ...json(QuotaImportResult) }, ...errorResponses },
  }), async (c) => c.json(await importQuotas(c.get('ctx'), await c.req.text()), 200));

  app.openapi(createRoute({
    method: 'get', path: '/api/v1/reports/goal', tags,
    summary: 'One goal, two horizons: the shared revenue goal and its progress, this quarter\'s forecast and past accuracy, the next four quarters',
    responses: { 200: { description: 'The board', ...json(GoalBoard) }, ...errorResponses },
  }), async (c) => c.json(await getGoalBoard(c.get('ctx')), 200));

  app.openapi(createRoute({
    method: 'put', path: '/api/v1/goals', tags,
    summary: 'Set the shared revenue goal for a period (the same start and currency replaces it; both sides then commit again)',
    request: { body: { required: true, ...json(SetGoalInput) } },
    responses: { 200: { description: 'The goal', ...json(RevenueGoal) }, ...errorResponses },
  }), async (c) => c.json(await setRevenueGoal(c.get('ctx'), c.req.valid('json')), 200));

  app.openapi(createRoute({
    method: 'post', path: '/api/v1/goals/{id}/commit', tags,
    summary: 'Commit your side (sales or marketing) to the goal',
    request: { params: IdParam, body: { required: false, ...json(CommitGoalInput) } },
    responses: { 200: { description: 'The goal', ...json(RevenueGoal) }, ...errorResponses },
  }), async (c) => c.json(await commitRevenueGoal(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')?.side), 200));

  app.openapi(createRoute({
    method: 'get', path: '/api/v1/reports/alignment', tags,
    summary: 'The alignment diagnostic: sales and marketing totals per quarter, the gap, statement by statement, and the same ideas measured from data',
    responses: { 200: { description: 'The diagnostic', ...json(Alignment) }, ...errorResponses },
  }), async (c) => c.json(await getAlignment(c.get('ctx')), 200));

  app.openapi(createRoute({
    method: 'put', path: '/api/v1/alignment/responses/me', tags,
    summary: 'Answer the 20 statements for this quarter (answering again replaces your answers)',
    request: { body: { required: true, ...json(AnswerSurveyInput) } },
    responses: { 200: { description: 'Saved', ...json(z.object({ quarter: z.string(), total: z.number().int(), side: z.enum(['sales', 'marketing']) })) }, ...errorResponses },
  }), async (c) => c.json(await answerAlignmentSurvey(c.get('ctx'), c.req.valid('json')), 200));
}
