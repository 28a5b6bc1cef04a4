import { createRoute, z } from '@hono/zod-openapi';
import { Readable } from 'node:stream';
import { importFields } from '../../domain/capture/import/import-fields.js';
import { getImport, ImportErrorSchema, ImportKindSchema, ImportRecordSchema, listImportErrors, listImports } from '../../domain/capture/import/list-imports.js';
import { runImport } from '../../domain/capture/import/run-import.js';
import { listCustomFields } from '../../domain/custom-fields/list-custom-fields.js';
import { DomainError, type ErrorCode } from '../../domain/shared/errors.js';
import type { App, AppDeps } from '../app.js';
import { csvExportResponse } from '../csv-export.js';
import { problem, problemResponse } from '../problem.js';
import { errorResponses, IdParam, json, listQuery, pageOf, pageParams } from './shared.js';

const tags = ['Imports'];
const KindParam = z.object({ kind: ImportKindSchema.openapi({ param: { name: 'kind', in: 'path' } }) });
const CSV_TYPES = ['text/csv', 'application/csv', 'text/plain', 'application/vnd.ms-excel', 'application/octet-stream'];
const ImportSummarySchema = ImportRecordSchema.omit({ mapping: true, actor: true }).extend({
  errors: z.array(ImportErrorSchema.omit({ id: true })).describe('The first 1,000 row errors; all of them at /api/v1/imports/{id}/errors'),
}).openapi('ImportSummary');
const FieldSchema = z.object({ key: z.string(), label: z.string(), required: z.boolean(), type: z.string(), description: z.string() });

export function registerImportRoutes(app: App, deps: AppDeps): void {
  app.openapi(createRoute({
    method: 'get', path: '/api/v1/imports/fields/{kind}', tags, summary: 'The fields a CSV of this kind can map to (custom fields included)',
    request: { params: KindParam },
    responses: { 200: { description: 'Fields', ...json(z.object({ data: z.array(FieldSchema) })) }, ...errorResponses },
  }), async (c) => {
    const fields = importFields(c.req.valid('param').kind, await listCustomFields(c.get('ctx').db));
    return c.json({ data: fields.map(({ aliases: _a, ...f }) => f) }, 200);
  });

  app.openapi(createRoute({
    method: 'post', path: '/api/v1/imports/{kind}', tags,
    summary: 'Import a CSV file (streamed): bad rows are reported, good rows kept; re-importing creates no duplicates',
    request: {
      params: KindParam,
      query: z.object({
        fileName: z.string().max(300).optional(),
        mapping: z.string().optional().describe('JSON object: CSV header → field key (see /api/v1/imports/fields/{kind}). Unnamed headers are matched by name.'),
        occurredAt: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'expected a date such as 2026-04-14 or 2026-04-14T09:00:00Z').optional()
          .describe('Touches and badge scans: the time (event date) of rows that give none.'),
        campaignExternalId: z.string().max(200).optional().describe('Touches and badge scans: the campaign (event) of rows that name none.'),
      }),
      body: { required: true, content: { 'text/csv': { schema: z.string() } } },
    },
    responses: { 201: { description: 'Imported (see rowsFailed and errors)', ...json(ImportSummarySchema) }, 415: { description: 'Not sent as text/csv, or the file is not UTF-8', content: errorResponses[422].content }, ...errorResponses },
  }), async (c) => {
    const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (!CSV_TYPES.includes(type)) throw new DomainError('unsupported_media_type', `Send the file as text/csv (got ${type || 'no content type'}).`);
    const q = c.req.valid('query');
    let mapping: Record<string, string> | null = null;
    if (q.mapping) {
      try { mapping = z.record(z.string(), z.string()).parse(JSON.parse(q.mapping)); } catch {
        throw new DomainError('validation_failed', 'mapping must be a JSON object of CSV header → field key.', [{ path: 'query.mapping', message: 'invalid JSON object' }]);
      }
    }
    const body = c.req.raw.body;
    if (!body) throw new DomainError('invalid_csv', 'The request has no file.', [{ path: 'body', message: 'empty' }]);
    // Streamed: the body is read chunk by chunk as rows are committed, never held whole.
    const summary = await runImport(c.get('ctx'), {
      kind: c.req.valid('param').kind, source: Readable.fromWeb(body as never), fileName: q.fileName ?? null, mapping,
      occurredAt: q.occurredAt, campaignExternalId: q.campaignExternalId,
    });
    // The rows it kept are scored (and new MQLs routed) by a job, not at the next nightly rescore.
    if (summary.rowsOk > 0) await deps.enqueue?.('score-imported-people', { importId: summary.id });
    if (summary.status === 'failed' && summary.errorCode) {
      // A fatal fault (broken quote, wrong encoding, missing column): a problem, with the import
      // attached so the client can show what was kept.
      const p = problem(summary.errorCode as ErrorCode, summary.error ?? undefined, [{ path: 'file', message: summary.error ?? '' }]);
      return problemResponse(c, { ...p, import: summary } as typeof p) as never;
    }
    return c.json(summary, 201);
  });

  app.openapi(createRoute({
    method: 'get', path: '/api/v1/imports', tags, summary: 'Imports, newest first',
    request: { query: listQuery(['startedAt'] as const, 'startedAt') },
    responses: { 200: { description: 'A page of imports', ...json(pageOf(ImportRecordSchema.openapi('Import'), 'ImportPage')) }, ...errorResponses },
  }), async (c) => c.json(await listImports(c.get('ctx'), pageParams(c.req.valid('query'))), 200));

  app.openapi(createRoute({
    method: 'get', path: '/api/v1/imports/{id}', tags, summary: 'One import and its counters (poll it while a long import runs)',
    request: { params: IdParam },
    responses: { 200: { description: 'The import', ...json(ImportRecordSchema) }, ...errorResponses },
  }), async (c) => c.json(await getImport(c.get('ctx'), c.req.valid('param').id), 200));

  app.openapi(createRoute({
    method: 'get', path: '/api/v1/imports/{id}/errors', tags, summary: 'Every row error of an import, by row number',
    request: { params: IdParam, query: listQuery(['rowNumber'] as const, 'rowNumber', 'asc') },
    responses: { 200: { description: 'A page of row errors', ...json(pageOf(ImportErrorSchema.openapi('ImportRowError'), 'ImportErrorPage')) }, ...errorResponses },
  }), async (c) => c.json(await listImportErrors(c.get('ctx'), c.req.valid('param').id, pageParams(c.req.valid('query'))), 200));

  app.openapi(createRoute({
    method: 'get', path: '/api/v1/imports/{id}/errors.csv', tags, summary: 'Row errors as CSV, to fix the file in a spreadsheet',
    request: { params: IdParam },
    responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } }, ...errorResponses },
  }), async (c) => {
    const id = c.req.valid('param').id;
    await getImport(c.get('ctx'), id);
    return csvExportResponse(c, {
      fileName: `import-${id}-errors.csv`,
      columns: [{ key: 'rowNumber', header: 'row' }, { key: 'field', header: 'field' }, { key: 'code', header: 'code' }, { key: 'message', header: 'message' }],
      pages: (cursor) => listImportErrors(c.get('ctx'), id, { limit: 500, cursor, sort: 'rowNumber', order: 'asc' }),
    }) as never;
  });
}
