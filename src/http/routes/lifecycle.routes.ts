import { createRoute } from '@hono/zod-openapi';
import { getStageLabels, StageLabelsResult, UpdateStageLabelsInput, updateStageLabels } from '../../domain/lifecycle/stage-labels.js';
import type { App } from '../app.js';
import { errorResponses, json } from './shared.js';

const tags = ['Lifecycle'];

export function registerLifecycleRoutes(app: App): void {
  app.openapi(createRoute({
    method: 'get', path: '/api/v1/lifecycle/stage-labels', tags, summary: 'The label shown for each lifecycle stage (the codes never change)',
    responses: { 200: { description: 'Labels, with the defaults', ...json(StageLabelsResult) }, ...errorResponses },
  }), async (c) => c.json(await getStageLabels(c.get('ctx')), 200));

  app.openapi(createRoute({
    method: 'put', path: '/api/v1/lifecycle/stage-labels', tags, summary: 'Rename lifecycle stages for display (admin, marketing); a stage left out goes back to its default',
    request: { body: { required: true, ...json(UpdateStageLabelsInput) } },
    responses: { 200: { description: 'The labels now', ...json(StageLabelsResult) }, ...errorResponses },
  }), async (c) => c.json(await updateStageLabels(c.get('ctx'), c.req.valid('json')), 200));
}
