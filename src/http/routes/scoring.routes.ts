import { createRoute, z } from '@hono/zod-openapi';
import { BacktestInput, BacktestResult, backtestModel } from '../../domain/scoring/backtest-model.js';
import { createScoringModel } from '../../domain/scoring/create-scoring-model.js';
import { AccountScoreSchema, getAccountScore } from '../../domain/scoring/get-account-score.js';
import { SuggestInput, Suggestion, suggestWeights } from '../../domain/scoring/suggest-weights.js';
import { getPersonScore } from '../../domain/scoring/get-person-score.js';
import { getScoringModel, listScoringModels } from '../../domain/scoring/list-scoring-models.js';
import { PreviewInput, PreviewResult, previewRules } from '../../domain/scoring/preview-rules.js';
import { publishScoringModel } from '../../domain/scoring/publish-scoring-model.js';
import { rescoreAll } from '../../domain/scoring/rescore-all.js';
import { CreateScoringModelInput, PersonScoreSchema, ScoringModelSchema, UpdateScoringModelInput } from '../../domain/scoring/scoring-model-api.schema.js';
import { updateScoringModel } from '../../domain/scoring/update-scoring-model.js';
import type { App, AppDeps } from '../app.js';
import { errorResponses, IdParam, json } from './shared.js';

const tags = ['Scoring'];

export function registerScoringRoutes(app: App, deps: AppDeps): void {
  app.openapi(createRoute({
    method: 'get', path: '/api/v1/scoring/models', tags, summary: 'Every scoring model version: drafts, the live one, the retired',
    responses: { 200: { description: 'Models, newest first', ...json(z.object({ data: z.array(ScoringModelSchema) })) }, ...errorResponses },
  }), async (c) => c.json({ data: await listScoringModels(c.get('ctx')) }, 200));

  app.openapi(createRoute({
    method: 'post', path: '/api/v1/scoring/models', tags, summary: 'Create a draft model (fit, engagement, signals, grades, MQL threshold)',
    request: { body: { required: true, ...json(CreateScoringModelInput) } },
    responses: { 201: { description: 'The draft', ...json(ScoringModelSchema) }, ...errorResponses },
  }), async (c) => c.json(await createScoringModel(c.get('ctx'), c.req.valid('json')), 201));

  app.openapi(createRoute({
    method: 'get', path: '/api/v1/scoring/models/{id}', tags, summary: 'One model version',
    request: { params: IdParam },
    responses: { 200: { description: 'The model', ...json(ScoringModelSchema) }, ...errorResponses },
  }), async (c) => c.json(await getScoringModel(c.get('ctx'), c.req.valid('param').id), 200));

  app.openapi(createRoute({
    method: 'patch', path: '/api/v1/scoring/models/{id}', tags, summary: 'Change a draft (published models never change)',
    request: { params: IdParam, body: { required: true, ...json(UpdateScoringModelInput) } },
    responses: { 200: { description: 'The draft', ...json(ScoringModelSchema) }, ...errorResponses },
  }), async (c) => c.json(await updateScoringModel(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200));

  app.openapi(createRoute({
    method: 'post', path: '/api/v1/scoring/models/{id}/publish', tags,
    summary: 'Publish a draft: it becomes the live model, the previous one is retired, everyone is rescored in the background',
    request: { params: IdParam },
    responses: { 200: { description: 'The live model', ...json(ScoringModelSchema) }, ...errorResponses },
  }), async (c) => {
    const ctx = c.get('ctx');
    const model = await publishScoringModel(ctx, c.req.valid('param').id);
    if (deps.enqueue) await deps.enqueue('rescore-people', {});
    else await rescoreAll(ctx);
    return c.json(model, 200);
  });

  app.openapi(createRoute({
    method: 'post', path: '/api/v1/scoring/preview', tags,
    summary: 'How many people each rule of a definition (saved or not) fires for today, and the points it gives them',
    request: { body: { required: true, ...json(PreviewInput) } },
    responses: { 200: { description: 'Reach per rule', ...json(PreviewResult) }, ...errorResponses },
  }), async (c) => c.json(await previewRules(c.get('ctx'), c.req.valid('json')), 200));

  app.openapi(createRoute({
    method: 'post', path: '/api/v1/scoring/models/{id}/backtest', tags,
    summary: 'Run a model over history (as of a cutoff, outcome after it): AUC, top-decile lift, MQLs per month, converters and customers caught, beside the live model',
    request: { params: IdParam, body: { required: false, ...json(BacktestInput) } },
    responses: { 200: { description: 'The back-test', ...json(BacktestResult) }, ...errorResponses },
  }), async (c) => c.json(await backtestModel(c.get('ctx'), c.req.valid('param').id, BacktestInput.parse(c.req.valid('json') ?? {})), 200));

  app.openapi(createRoute({
    method: 'post', path: '/api/v1/scoring/models/{id}/suggest-weights', tags,
    summary: "Fit a regularised logistic regression on the company's history and propose points for the model's rules (held-out AUC reported)",
    request: { params: IdParam, body: { required: false, ...json(SuggestInput) } },
    responses: { 200: { description: 'The suggestion; adopt it by creating a draft with its definition', ...json(Suggestion) }, ...errorResponses },
  }), async (c) => c.json(await suggestWeights(c.get('ctx'), c.req.valid('param').id, SuggestInput.parse(c.req.valid('json') ?? {})) as never, 200));

  app.openapi(createRoute({
    method: 'get', path: '/api/v1/accounts/{id}/score', tags, summary: "The account's engagement rolled up from its people, and whether it qualifies as a whole",
    request: { params: IdParam },
    responses: { 200: { description: 'The account score (null before any model is live)', ...json(AccountScoreSchema.nullable()) }, ...errorResponses },
  }), async (c) => c.json(await getAccountScore(c.get('ctx'), c.req.valid('param').id) as never, 200));

  app.openapi(createRoute({
    method: 'get', path: '/api/v1/people/{id}/score', tags, summary: "A person's score under the live model, with every rule that fired and what decay took",
    request: { params: IdParam },
    responses: { 200: { description: 'The score (null before any model is live)', ...json(PersonScoreSchema.nullable()) }, ...errorResponses },
  }), async (c) => c.json(await getPersonScore(c.get('ctx'), c.req.valid('param').id) as never, 200));
}
