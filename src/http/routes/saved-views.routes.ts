import { createRoute, z } from '@hono/zod-openapi';
import { deleteView } from '../../domain/identity/delete-view.js';
import { listViews } from '../../domain/identity/list-views.js';
import { SavedViewSchema, SavedViewsQuery, SaveViewInput, UpdateViewInput } from '../../domain/identity/saved-view.schema.js';
import { saveView } from '../../domain/identity/save-view.js';
import { updateView } from '../../domain/identity/update-view.js';
import type { App } from '../app.js';
import { errorResponses, IdParam, json } from './shared.js';

const tags = ['Saved views'];
const SavedView = SavedViewSchema.openapi('SavedView');

export function registerSavedViewRoutes(app: App): void {
  app.openapi(createRoute({
    method: 'get', path: '/api/v1/saved-views', tags, summary: "Your saved views of a list, then those others shared",
    request: { query: SavedViewsQuery },
    responses: { 200: { description: 'Views', ...json(z.object({ data: z.array(SavedView) })) }, ...errorResponses },
  }), async (c) => c.json({ data: await listViews(c.get('ctx'), c.req.valid('query').list) }, 200));

  app.openapi(createRoute({
    method: 'post', path: '/api/v1/saved-views', tags, summary: "Save a list's filters, sort and columns under a name",
    request: { body: { required: true, ...json(SaveViewInput) } },
    responses: { 201: { description: 'Saved', ...json(SavedView) }, ...errorResponses },
  }), async (c) => c.json(await saveView(c.get('ctx'), c.req.valid('json')), 201));

  app.openapi(createRoute({
    method: 'patch', path: '/api/v1/saved-views/{id}', tags, summary: 'Rename, re-share or overwrite one of your views',
    request: { params: IdParam, body: { required: true, ...json(UpdateViewInput) } },
    responses: { 200: { description: 'Updated', ...json(SavedView) }, ...errorResponses },
  }), async (c) => c.json(await updateView(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200));

  app.openapi(createRoute({
    method: 'delete', path: '/api/v1/saved-views/{id}', tags, summary: 'Delete one of your views',
    request: { params: IdParam },
    responses: { 204: { description: 'Deleted' }, ...errorResponses },
  }), async (c) => {
    await deleteView(c.get('ctx'), c.req.valid('param').id);
    return c.body(null, 204);
  });
}
