import { createRoute, z } from '@hono/zod-openapi';
import { getScoreboard } from '../../domain/reporting/get-scoreboard.js';
import { getTeamOverview } from '../../domain/reporting/get-team-overview.js';
import { Scoreboard, ScoreboardQuery, TeamMemberRow } from '../../domain/reporting/scoreboard.schema.js';
import { getWaterfall } from '../../domain/reporting/get-waterfall.js';
import { listWaterfallPeople } from '../../domain/reporting/list-waterfall-people.js';
import { Waterfall, WaterfallPeople, WaterfallPeopleQuery, WaterfallQuery } from '../../domain/reporting/waterfall.schema.js';
import type { App } from '../app.js';
import { errorResponses, json } from './shared.js';

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
}
