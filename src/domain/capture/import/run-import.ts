import { eq, sql } from 'drizzle-orm';
import { importErrors, imports } from '../../../db/schema/index.js';
import type { ImportKind } from '../../../db/schema/vocabulary.js';
import { listCustomFields } from '../../custom-fields/list-custom-fields.js';
import { actorLabel, type Ctx } from '../../shared/context.js';
import { DomainError } from '../../shared/errors.js';
import type { ByteSource } from './decode-utf8.js';
import { importFields } from './import-fields.js';
import type { ChunkWriter, RowError, SourceRow, WriterEnv } from './import-types.js';
import { mapColumns } from './map-columns.js';
import { readCsv } from './read-csv.js';
import { writeAccountRows } from './write-account-rows.js';
import { writeChunk } from './write-chunk.js';
import { writeOpportunityRows } from './write-opportunity-rows.js';
import { writePeopleRows } from './write-people-rows.js';
import { touchRowWriter } from './write-touch-rows.js';
import { authorize } from '../../identity/access/authorize.js';

const WRITERS: Record<ImportKind, ChunkWriter> = {
  people: writePeopleRows, accounts: writeAccountRows, opportunities: writeOpportunityRows,
  touchpoints: touchRowWriter('touchpoints'), badge_scans: touchRowWriter('badge_scans'),
};

export type ImportProgress = { rowsRead: number; rowsOk: number; rowsFailed: number; bytesRead: number };
export type ImportSummary = {
  id: string; kind: ImportKind; fileName: string | null; status: 'running' | 'completed' | 'failed';
  rowsRead: number; rowsOk: number; rowsFailed: number; error: string | null; errorCode: string | null;
  errors: RowError[]; startedAt: Date; finishedAt: Date | null;
};

export type RunImportOptions = {
  kind: ImportKind;
  /** The file's bytes (a Readable is an AsyncIterable); strings are taken as already decoded. */
  source: ByteSource;
  fileName?: string | null;
  /** CSV header → field key; headers not named are matched by name, then kept as extra columns. */
  mapping?: Record<string, string> | null;
  /** Touches and badge scans: the time of rows that give none (the event's date). */
  occurredAt?: string | undefined;
  /** Touches and badge scans: the campaign (event) of rows that name none. */
  campaignExternalId?: string | undefined;
  chunkSize?: number;
  onProgress?: (p: ImportProgress) => void;
};

const MAX_ERRORS_RETURNED = 1_000;

/**
 * Streams a CSV into the records. Rows are written in chunks, each chunk in one transaction
 * together with its row errors and the import's counters: what the import reports as done is
 * committed, a killed process leaves a consistent prefix, and running the same file again
 * completes it without duplicates (every kind is idempotent on its key). The next chunk is only
 * read once the last one is committed, so memory stays bounded whatever the file's size.
 */
export async function runImport(ctx: Ctx, options: RunImportOptions): Promise<ImportSummary> {
  authorize(ctx, options.kind === 'opportunities' ? 'imports:sales' : 'imports:marketing');
  const chunkSize = options.chunkSize ?? 2_000;
  const customFields = await listCustomFields(ctx.db);
  const fields = importFields(options.kind, customFields);
  const fieldKeys = new Set(fields.map((f) => f.key));
  for (const [header, key] of Object.entries(options.mapping ?? {})) {
    if (key && !fieldKeys.has(key)) throw new DomainError('validation_failed', `"${key}" is not a field of ${options.kind} imports; see /api/v1/imports/fields/${options.kind}.`, [{ path: `mapping.${header}`, message: 'unknown field' }]);
  }
  const [record] = await ctx.db.insert(imports).values({
    kind: options.kind, fileName: options.fileName ?? null, mapping: options.mapping ?? null, actor: actorLabel(ctx.actor), startedAt: ctx.clock.now(),
  }).returning();
  const importId = record!.id;
  const env: WriterEnv = {
    ctx, importId, customFields, deferredParents: [],
    options: { occurredAt: options.occurredAt, campaignExternalId: options.campaignExternalId },
  };
  const progress: ImportProgress = { rowsRead: 0, rowsOk: 0, rowsFailed: 0, bytesRead: 0 };
  const returned: RowError[] = [];
  const keep = (errors: RowError[]) => { for (const e of errors) if (returned.length < MAX_ERRORS_RETURNED) returned.push(e); };
  let headers: string[] = [];
  let keys: (string | null)[] = [];
  let buffer: SourceRow[] = [];
  let early: RowError[] = [];

  const flush = async () => {
    if (buffer.length === 0 && early.length === 0) return;
    const outcome = await writeChunk(WRITERS[options.kind], env, options.kind, buffer, early);
    buffer = [];
    early = [];
    progress.rowsRead += outcome.read;
    progress.rowsOk += outcome.ok;
    progress.rowsFailed += outcome.failed;
    keep(outcome.errors);
    options.onProgress?.({ ...progress });
  };

  let fatal: DomainError | null = null;
  try {
    const rows = readCsv(options.source, {
      onHeader: (h) => { headers = h; keys = mapColumns(options.kind, h, fields, options.mapping ?? null, options); },
      onBytes: (n) => { progress.bytesRead = n; },
    });
    for await (const rec of rows) {
      if (rec.columnCountMismatch) {
        early.push({ rowNumber: rec.rowNumber, field: null, code: 'column_count', message: rec.columnCountMismatch });
      } else {
        const values: Record<string, string> = {};
        const extra: Record<string, string> = {};
        rec.cells.forEach((cell, i) => {
          const key = keys[i];
          if (key) values[key] = cell;
          else if (cell.trim() !== '' && headers[i]) extra[headers[i]] = cell;
        });
        buffer.push({ rowNumber: rec.rowNumber, values, extra });
      }
      if (buffer.length + early.length >= chunkSize) await flush();
    }
    await flush();
    keep(await resolveDeferredParents(ctx, env));
  } catch (e) {
    if (e instanceof DomainError) {
      fatal = e;
      try { await flush(); } catch (e2) { await stop(ctx, importId); throw e2; }
    } else {
      await stop(ctx, importId);
      throw e;
    }
  }
  const done = await finish(ctx, importId, fatal?.message ?? null);
  return {
    id: importId, kind: options.kind, fileName: done.fileName, status: done.status, rowsRead: done.rowsRead, rowsOk: done.rowsOk,
    rowsFailed: done.rowsFailed, error: done.error, errorCode: fatal?.code ?? null, errors: returned,
    startedAt: done.startedAt, finishedAt: done.finishedAt,
  };
}

async function finish(ctx: Ctx, importId: string, error: string | null) {
  const [done] = await ctx.db.update(imports).set({ status: error ? 'failed' : 'completed', error, finishedAt: ctx.clock.now() })
    .where(eq(imports.id, importId)).returning();
  return done!;
}

/** Marks an import that hit an unexpected error (the database went away…) as failed, if it still can. */
async function stop(ctx: Ctx, importId: string): Promise<void> {
  await finish(ctx, importId, 'The import stopped on an unexpected error; the rows counted as imported are saved. Import the same file again to complete it (no duplicates are created).')
    .catch((e: unknown) => ctx.log.warn({ err: e, importId }, 'could not mark the import as failed'));
}

/** Parents that appeared after their children in the file; unknown ones are reported per row. */
async function resolveDeferredParents(ctx: Ctx, env: WriterEnv): Promise<RowError[]> {
  if (env.deferredParents.length === 0) return [];
  return ctx.db.transaction(async (tx) => {
    const errors: RowError[] = [];
    for (const d of env.deferredParents) {
      const r = await tx.execute<{ id: string }>(sql`select id from accounts where external_id = ${d.parentExternalId}`);
      const parentId = r.rows[0]?.id;
      if (parentId && parentId !== d.accountId) await tx.execute(sql`update accounts set parent_id = ${parentId} where id = ${d.accountId}`);
      else errors.push({ rowNumber: d.rowNumber, field: 'parentExternalId', code: 'unknown_reference', message: `no account with external id "${d.parentExternalId}"; the account was imported without its parent` });
    }
    if (errors.length) await tx.insert(importErrors).values(errors.map((e) => ({ importId: env.importId, ...e })));
    return errors;
  });
}
