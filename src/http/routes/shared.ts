import { createRoute, z, type RouteConfig } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Page, PageParams } from '../../domain/shared/list.js';
import type { App, AppEnv } from '../app.js';
import { csvExportResponse } from '../csv-export.js';

export const ProblemSchema = z.object({
  type: z.string(), title: z.string(), status: z.number().int(), code: z.string(), detail: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string(), code: z.string().optional() })),
}).openapi('Problem');

const problemContent = { 'application/problem+json': { schema: ProblemSchema } };
export const errorResponses = {
  400: { description: 'Malformed request', content: problemContent },
  401: { description: 'No session or API key, or an expired/revoked one', content: problemContent },
  403: { description: 'The role may not do this (`forbidden`), the record is not yours (`record_forbidden`), or the CSRF token is missing (`csrf_failed`)', content: problemContent },
  404: { description: 'Not found', content: problemContent },
  409: { description: 'Conflict', content: problemContent },
  422: { description: 'Validation failed; `errors[].path` names each field', content: problemContent },
} as const;

export const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });

export const IdParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

export function listQuery<S extends readonly [string, ...string[]]>(sorts: S, defaultSort: S[number], defaultOrder: 'asc' | 'desc' = 'desc') {
  return z.object({
    limit: z.coerce.number().int().min(1).max(500).default(50),
    cursor: z.string().optional().describe('From `nextCursor` of the previous page.'),
    sort: z.enum(sorts).default(defaultSort as never),
    order: z.enum(['asc', 'desc']).default(defaultOrder),
  });
}

export function pageOf<T extends z.ZodType>(item: T, name: string) {
  return z.object({ data: z.array(item), nextCursor: z.string().nullable() }).openapi(name);
}

export function pageParams(q: { limit: number; cursor?: string | undefined; sort: string; order: 'asc' | 'desc' }): PageParams {
  return { limit: q.limit, cursor: q.cursor, sort: q.sort, order: q.order };
}

export type ExportColumn = { key: string; header: string };

/**
 * Registers `GET <path>/export.csv`: the same filters as the list, every page streamed as CSV.
 * Declared before `<path>/{id}` so the literal path wins.
 */
export function exportRoute<Q extends z.ZodObject>(app: App, options: {
  path: string; tag: string; name: string; query: Q; columns: ExportColumn[]; sort: string;
  fetch: (c: Context<AppEnv>, filter: z.infer<Q>, page: PageParams) => Promise<Page<Record<string, unknown>>>;
}): void {
  const route = createRoute({
    method: 'get', path: `${options.path}/export.csv`, tags: [options.tag], summary: `Export ${options.name} as CSV (same filters as the list)`,
    request: { query: options.query },
    responses: { 200: { description: 'CSV file, safe against spreadsheet formula injection', content: { 'text/csv': { schema: z.string() } } }, ...errorResponses },
  } satisfies RouteConfig);
  app.openapi(route, (c) => {
    const filter = (c.req.valid as (target: 'query') => unknown)('query') as z.infer<Q>;
    return csvExportResponse(c, {
      fileName: `${options.name}.csv`,
      columns: options.columns,
      pages: (cursor?: string) => options.fetch(c, filter, { limit: 500, cursor, sort: options.sort, order: 'asc' }),
    }) as never;
  });
}

/**
 * A list resource: `GET <path>` (filters, keyset paging, sorting) and `GET <path>/export.csv`
 * (the same filters, every row streamed). One declaration, so every list exports alike.
 */
export function listRoutes<F extends z.ZodObject, S extends readonly [string, ...string[]], T extends z.ZodType>(app: App, options: {
  path: string; tag: string; name: string; summary: string; filter: F; item: T; itemName: string;
  sorts: S; defaultSort: S[number]; defaultOrder?: 'asc' | 'desc'; exportSort: string; columns: string[];
  fetch: (c: Context<AppEnv>, filter: z.infer<F>, page: PageParams) => Promise<Page<Record<string, unknown>>>;
}): void {
  const query = options.filter.extend(listQuery(options.sorts, options.defaultSort, options.defaultOrder).shape);
  app.openapi(createRoute({
    method: 'get', path: options.path, tags: [options.tag], summary: options.summary,
    request: { query },
    responses: { 200: { description: `A page of ${options.name}`, ...json(pageOf(options.item, `${options.itemName}Page`)) }, ...errorResponses },
  }), async (c) => {
    const q = (c.req.valid as (target: 'query') => unknown)('query') as z.infer<F> & { limit: number; cursor?: string; sort: string; order: 'asc' | 'desc' };
    return c.json(await options.fetch(c, q, pageParams(q)), 200) as never;
  });
  exportRoute(app, {
    path: options.path, tag: options.tag, name: options.name, query: options.filter, sort: options.exportSort,
    columns: options.columns.map((key) => ({ key, header: key })), fetch: options.fetch,
  });
}
