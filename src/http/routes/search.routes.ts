import { createRoute, z } from '@hono/zod-openapi';
import { searchRecords } from '../../domain/search/search-records.js';
import type { App } from '../app.js';
import { errorResponses, json } from './shared.js';

const SearchHit = z.object({
  type: z.enum(['person', 'account', 'opportunity']), id: z.uuid(), label: z.string(), detail: z.string().nullable(),
}).openapi('SearchHit');

export function registerSearchRoutes(app: App): void {
  app.openapi(createRoute({
    method: 'get', path: '/api/v1/search', tags: ['Search'],
    summary: 'Search people, accounts and opportunities (only the records you may see)',
    request: { query: z.object({ q: z.string().trim().min(2).max(200), limit: z.coerce.number().int().min(1).max(20).default(5).describe('Per record type') }) },
    responses: { 200: { description: 'Matches, grouped by type', ...json(z.object({ data: z.array(SearchHit) })) }, ...errorResponses },
  }), async (c) => {
    const { q, limit } = c.req.valid('query');
    return c.json({ data: await searchRecords(c.get('ctx'), q, limit) }, 200);
  });
}
