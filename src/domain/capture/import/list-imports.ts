import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import { z } from '../../shared/zod.js';
import { importErrors, imports } from '../../../db/schema/index.js';
import { IMPORT_KINDS } from '../../../db/schema/vocabulary.js';
import type { Ctx } from '../../shared/context.js';
import { notFound } from '../../shared/errors.js';
import { keysetPage, type Page, type PageParams } from '../../shared/list.js';
import { createSelectSchema } from '../../shared/schema-factory.js';
import { authorize } from '../../identity/access/authorize.js';

export const ImportRecordSchema = createSelectSchema(imports);
export type ImportRecord = z.infer<typeof ImportRecordSchema>;
export const ImportErrorSchema = createSelectSchema(importErrors).omit({ importId: true });
export type ImportErrorRecord = z.infer<typeof ImportErrorSchema>;

export async function listImports(ctx: Ctx, page: PageParams): Promise<Page<ImportRecord>> {
  authorize(ctx, 'imports:read');
  const sort = { expr: sql`${imports.startedAt}`, cast: 'timestamptz' as const };
  return keysetPage<ImportRecord>({
    params: page, sorts: { startedAt: sort }, idExpr: sql`${imports.id}`, idCast: 'uuid', where: [],
    run: (w, order, limit) => ctx.db.select({ ...getTableColumns(imports), _sort: sort.expr }).from(imports).where(w).orderBy(order).limit(limit) as Promise<(ImportRecord & { _sort: unknown })[]>,
  });
}

export async function getImport(ctx: Ctx, id: string): Promise<ImportRecord> {
  authorize(ctx, 'imports:read');
  const [row] = await ctx.db.select().from(imports).where(eq(imports.id, id));
  if (!row) throw notFound('import', id);
  return row;
}

export async function listImportErrors(ctx: Ctx, importId: string, page: PageParams): Promise<Page<ImportErrorRecord>> {
  authorize(ctx, 'imports:read');
  await getImport(ctx, importId);
  const sort = { expr: sql`${importErrors.rowNumber}`, cast: 'numeric' as const };
  const { importId: _omit, ...cols } = getTableColumns(importErrors);
  return keysetPage<ImportErrorRecord>({
    params: page, sorts: { rowNumber: sort }, idExpr: sql`${importErrors.id}`, idCast: 'bigint', where: [and(eq(importErrors.importId, importId))],
    run: (w, order, limit) => ctx.db.select({ ...cols, _sort: sort.expr }).from(importErrors).where(w).orderBy(order).limit(limit) as Promise<(ImportErrorRecord & { _sort: unknown })[]>,
  });
}

export const ImportKindSchema = z.enum(IMPORT_KINDS);
