import { createRoute } from '@hono/zod-openapi';
import { LogActivityInput } from '../../domain/capture/activity.schema.js';
import { logSalesActivity } from '../../domain/capture/log-sales-activity.js';
import { TouchpointSchema } from '../../domain/capture/touchpoint.schema.js';
import type { App } from '../app.js';
import { errorResponses, json } from './shared.js';

export function registerActivityRoutes(app: App): void {
  app.openapi(createRoute({
    method: 'post', path: '/api/v1/activities', tags: ['Touchpoints'],
    summary: 'Log a sales activity (call, meeting, message) on a person or account you can see',
    description: 'Stored as an immutable sales-side touch on the direct_sales channel; re-sending the same externalId returns the stored one.',
    request: { body: { required: true, ...json(LogActivityInput.openapi('LogActivityInput')) } },
    responses: { 201: { description: 'The logged activity as a touch', ...json(TouchpointSchema.omit({ campaign: true, person: true, account: true })) }, ...errorResponses },
  }), async (c) => c.json(await logSalesActivity(c.get('ctx'), c.req.valid('json')), 201));
}
