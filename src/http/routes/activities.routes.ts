import { createRoute } from '@hono/zod-openapi';
import { LogActivityInput } from '../../domain/capture/activity.schema.js';
import { logSalesActivity } from '../../domain/capture/log-sales-activity.js';
import { TouchpointSchema } from '../../domain/capture/touchpoint.schema.js';
import type { App, AppDeps } from '../app.js';
import { scoreSoon } from './score-soon.js';
import { errorResponses, json } from './shared.js';

export function registerActivityRoutes(app: App, deps: AppDeps): void {
  app.openapi(createRoute({
    method: 'post', path: '/api/v1/activities', tags: ['Touchpoints'],
    summary: 'Log a sales activity (call, meeting, message) on a person or account you can see',
    description: 'Stored as an immutable sales-side touch on the direct_sales channel; re-sending the same externalId returns the stored one.',
    request: { body: { required: true, ...json(LogActivityInput.openapi('LogActivityInput')) } },
    responses: { 201: { description: 'The logged activity as a touch', ...json(TouchpointSchema.omit({ campaign: true, person: true, account: true })) }, ...errorResponses },
  }), async (c) => {
    const ctx = c.get('ctx');
    const touch = await logSalesActivity(ctx, c.req.valid('json'));
    if (touch.personId) await scoreSoon(deps, ctx, [touch.personId]);
    return c.json(touch, 201);
  });
}
