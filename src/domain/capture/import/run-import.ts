import { eq, sql } from 'drizzle-orm';
import { importErrors, imports } from '../../../db/schema/index.js';
import type { ImportKind } from '../../../db/schema/vocabulary.js';
import { listCustomFields } from '../../custom-fields/list-custom-fields.js';
import { actorLabel, type Ctx } from '../../shared/context.js';
import { DomainError } from '../../shared/errors.js';
import { autoMap, importFields } from './import-fields.js';
import type { ChunkWriter, RowError, SourceRow, WriterEnv } from './import-types.js';
import { readCsv } from './read-csv.js';
import { writeAccountRows } from './write-account-rows.js';
import { writeOpportunityRows } from './write-opportunity-rows.js';
import { writePeopleRows } from './write-people-rows.js';
import { touchRowWriter } from './write-touch-rows.js';

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
  source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;
  fileName?: string | null;
  /** CSV header → field key; headers not named are matched by name, then kept as extra columns. */
  mapping?: Record<string, string> | null;
  occurredAt?: string;
  chunkSize?: number;
  onProgress?: (p: ImportProgress) => void;
};

const MAX_ERRORS_RETURNED = 1_000;

/**
 * Streams a CSV into the records. Rows are written in chunks, each chunk in one transaction
 * together with its row errors and the import's counters: what the import reports as done is
 * committed, a killed process leaves a consistent prefix, and running the same file again
 * completes it without duplicates (every kind is idempotent on its key).
 */
export async function runImport(ctx: Ctx, options: RunImportOptions): Promise<ImportSummary> {
  const chunkSize = options.chunkSize ?? 2_000;
  const customFields = await listCustomFields(ctx.db);
  const fields = importFields(options.kind, customFields);
  const fieldKeys = new Set(fields.map((f) => f.key));
  for (const [header, key] of Object.entries(options.mapping ?? {})) {
    if (key && !fieldKeys.has(key)) throw new DomainError('validation_failed', `"${key}" is not a field of ${options.kind} imports.`, [{ path: `mapping.${header}`, message: 'unknown field' }]);
  }
  const [record] = await ctx.db.insert(imports).values({
    kind: options.kind, fileName: options.fileName ?? null, mapping: options.mapping ?? null, actor: actorLabel(ctx.actor), startedAt: ctx.clock.now(),
  }).returning();
  const importId = record!.id;
  const env: WriterEnv = { ctx, importId, customFields, options: { ...(options.occurredAt ? { occurredAt: options.occurredAt } : {}) }, deferredParents: [] };
  const progress: ImportProgress = { rowsRead: 0, rowsOk: 0, rowsFailed: 0, bytesRead: 0 };
  const returned: RowError[] = [];
  let mapping: Record<string, string> | null = null;
  let buffer: SourceRow[] = [];
  let preErrors: RowError[] = [];

  const flush = async () => {
    if (buffer.length === 0 && preErrors.length === 0) return;
    const rows = buffer;
    const early = preErrors;
    buffer = [];
    preErrors = [];
    await ctx.db.transaction(async (tx) => {
      const result = rows.length ? await WRITERS[options.kind](tx, rows, env) : { ok: 0, errors: [] };
      const errors = [...early, ...result.errors];
      const failedRows = new Set(errors.map((e) => e.rowNumber)).size;
      if (errors.length) await tx.insert(importErrors).values(errors.map((e) => ({ importId, ...e })));
      await tx.update(imports).set({
        rowsRead: sql`${imports.rowsRead} + ${rows.length + early.length}`,
        rowsOk: sql`${imports.rowsOk} + ${result.ok}`,
        rowsFailed: sql`${imports.rowsFailed} + ${failedRows}`,
      }).where(eq(imports.id, importId));
      await tx.execute(sql`insert into audit_log (at, actor_type, actor_id, entity, entity_id, action, after)
        values (${ctx.clock.now()}, ${ctx.actor.type}, ${ctx.actor.id}, 'import', ${importId}, 'import_chunk',
        ${JSON.stringify({ kind: options.kind, rows: rows.length, ok: result.ok, failed: failedRows })}::jsonb)`);
      progress.rowsRead += rows.length + early.length;
      progress.rowsOk += result.ok;
      progress.rowsFailed += failedRows;
      for (const e of errors) if (returned.length < MAX_ERRORS_RETURNED) returned.push(e);
    });
    options.onProgress?.({ ...progress });
  };

  let fatal: DomainError | null = null;
  try {
    for await (const rec of readCsv(options.source, (n) => { progress.bytesRead = n; })) {
      mapping ??= { ...autoMap(Object.keys(rec.cells), fields), ...(options.mapping ?? {}) };
      if (rec.columnCountMismatch) {
        preErrors.push({ rowNumber: rec.rowNumber, field: null, code: 'column_count', message: rec.columnCountMismatch });
      } else {
        const values: Record<string, string> = {};
        const extra: Record<string, string> = {};
        for (const [header, cell] of Object.entries(rec.cells)) {
          const key = mapping[header];
          if (key) values[key] = cell;
          else if (cell.trim() !== '') extra[header] = cell;
        }
        buffer.push({ rowNumber: rec.rowNumber, values, extra });
      }
      if (buffer.length + preErrors.length >= chunkSize) await flush();
    }
    await flush();
    await resolveDeferredParents(ctx, env, returned);
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    await flush().catch(() => {});
    fatal = e;
  }
  const [done] = await ctx.db.update(imports).set({
    status: fatal ? 'failed' : 'completed', error: fatal?.message ?? null, finishedAt: ctx.clock.now(),
  }).where(eq(imports.id, importId)).returning();
  return {
    id: importId, kind: options.kind, fileName: done!.fileName, status: done!.status, rowsRead: done!.rowsRead, rowsOk: done!.rowsOk,
    rowsFailed: done!.rowsFailed, error: done!.error, errorCode: fatal?.code ?? null, errors: returned,
    startedAt: done!.startedAt, finishedAt: done!.finishedAt,
  };
}

/** Parents that appeared after their children in the file; unknown ones are reported per row. */
async function resolveDeferredParents(ctx: Ctx, env: WriterEnv, returned: RowError[]): Promise<void> {
  if (env.deferredParents.length === 0) return;
  await ctx.db.transaction(async (tx) => {
    const errors: RowError[] = [];
    for (const d of env.deferredParents) {
      const r = await tx.execute<{ id: string }>(sql`select id from accounts where external_id = ${d.parentExternalId}`);
      const parentId = r.rows[0]?.id;
      if (parentId && parentId !== d.accountId) await tx.execute(sql`update accounts set parent_id = ${parentId} where id = ${d.accountId}`);
      else errors.push({ rowNumber: d.rowNumber, field: 'parentExternalId', code: 'unknown_reference', message: `no account with external id "${d.parentExternalId}"; the account was imported without its parent` });
    }
    if (errors.length) {
      await tx.insert(importErrors).values(errors.map((e) => ({ importId: env.importId, ...e })));
      returned.push(...errors.slice(0, Math.max(0, MAX_ERRORS_RETURNED - returned.length)));
    }
  });
}
