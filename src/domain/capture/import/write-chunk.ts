import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { importErrors, imports } from '../../../db/schema/index.js';
import type { ImportKind } from '../../../db/schema/vocabulary.js';
import { recordAudit } from '../../shared/audit.js';
import { DomainError } from '../../shared/errors.js';
import type { ChunkWriter, RowError, SourceRow, WriterEnv } from './import-types.js';

export type ChunkOutcome = { read: number; ok: number; failed: number; errors: RowError[] };

/**
 * Writes one chunk in ONE transaction with its row errors, the import's counters and an audit
 * entry: a row the import reports as done is committed. If the database refuses the chunk
 * because of one row's data (a number too large for its column…), the chunk is halved until
 * that row is found and reported; the others are still written.
 */
export async function writeChunk(writer: ChunkWriter, env: WriterEnv, kind: ImportKind, rows: SourceRow[], early: RowError[]): Promise<ChunkOutcome> {
  const deferred = env.deferredParents.length;
  try {
    return await commit(env, kind, rows.length + early.length, early, rows.length ? (tx) => writer(tx, rows, env) : null);
  } catch (e) {
    env.deferredParents.length = deferred;
    if (!isDataError(e)) throw e;
    if (rows.length > 1) {
      const half = Math.ceil(rows.length / 2);
      const a = await writeChunk(writer, env, kind, rows.slice(0, half), early);
      const b = await writeChunk(writer, env, kind, rows.slice(half), []);
      return { read: a.read + b.read, ok: a.ok + b.ok, failed: a.failed + b.failed, errors: [...a.errors, ...b.errors] };
    }
    const refused: RowError = { rowNumber: rows[0]!.rowNumber, field: null, code: 'rejected', message: `The database refused this row: ${(e as Error).message}` };
    return commit(env, kind, 1 + early.length, [...early, refused], null);
  }
}

async function commit(env: WriterEnv, kind: ImportKind, read: number, early: RowError[], write: ((tx: Database) => Promise<{ ok: number; errors: RowError[] }>) | null): Promise<ChunkOutcome> {
  const { ctx, importId } = env;
  return ctx.db.transaction(async (tx) => {
    const result = write ? await write(tx) : { ok: 0, errors: [] };
    const errors = [...early, ...result.errors];
    const failed = new Set(errors.map((e) => e.rowNumber)).size;
    if (errors.length) await tx.insert(importErrors).values(errors.map((e) => ({ importId, ...e })));
    await tx.update(imports).set({
      rowsRead: sql`${imports.rowsRead} + ${read}`, rowsOk: sql`${imports.rowsOk} + ${result.ok}`, rowsFailed: sql`${imports.rowsFailed} + ${failed}`,
    }).where(eq(imports.id, importId));
    await recordAudit(tx, ctx.actor, ctx.clock.now(), [{ entity: 'import', entityId: importId, action: 'import_chunk', after: { kind, rows: read, ok: result.ok, failed } }]);
    return { read, ok: result.ok, failed, errors };
  });
}

/** PostgreSQL cardinality (21), data (22) and constraint (23) errors are about a row's values. */
function isDataError(e: unknown): boolean {
  if (e instanceof DomainError) return false;
  const code = (e as { code?: unknown; cause?: { code?: unknown } }).code ?? (e as { cause?: { code?: unknown } }).cause?.code;
  return typeof code === 'string' && /^2[123]/.test(code);
}
