import { and, sql, type SQL } from 'drizzle-orm';
import { DomainError } from './errors.js';

/**
 * Keyset (cursor) pagination over any sortable expression, with the row id as tie-break.
 * A cursor is opaque to clients: base64url of [sortKey, order, lastValue, lastId].
 */
export type SortSpec = {
  /** SQL expression to order by; must not be NULL (wrap nullable columns in coalesce). */
  expr: SQL;
  /** Cast applied to the cursor value when comparing, e.g. 'timestamptz', 'text', 'numeric'. */
  cast: 'timestamptz' | 'text' | 'numeric' | 'date' | 'bigint';
};

export type PageParams = {
  limit: number;
  cursor?: string | undefined;
  sort: string;
  order: 'asc' | 'desc';
};

export type Page<T> = { data: T[]; nextCursor: string | null };

export const MAX_PAGE_SIZE = 500;

type CursorState = [sort: string, order: string, value: unknown, id: string | number];

export function encodeCursor(state: CursorState): string {
  return Buffer.from(JSON.stringify(state)).toString('base64url');
}

export function decodeCursor(cursor: string, sort: string, order: string): CursorState {
  try {
    const state = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as CursorState;
    if (!Array.isArray(state) || state.length !== 4) throw new Error('shape');
    if (state[0] !== sort || state[1] !== order) {
      throw new DomainError('invalid_cursor', 'The cursor was made for another sort order; start again without it.', [
        { path: 'cursor', message: 'sort or order changed since this cursor was issued' },
      ]);
    }
    return state;
  } catch (e) {
    if (e instanceof DomainError) throw e;
    throw new DomainError('invalid_cursor', undefined, [{ path: 'cursor', message: 'malformed cursor' }]);
  }
}

/** The WHERE fragment that continues after the cursor's row. */
export function afterCursor(spec: SortSpec, idExpr: SQL, idCast: 'uuid' | 'bigint', state: CursorState, order: 'asc' | 'desc'): SQL {
  const value = sql`cast(${state[2]} as ${sql.raw(spec.cast)})`;
  const id = sql`cast(${String(state[3])} as ${sql.raw(idCast)})`;
  return order === 'asc'
    ? sql`(${spec.expr}, ${idExpr}) > (${value}, ${id})`
    : sql`(${spec.expr}, ${idExpr}) < (${value}, ${id})`;
}

export function orderBy(spec: SortSpec, idExpr: SQL, order: 'asc' | 'desc'): SQL {
  return order === 'asc' ? sql`${spec.expr} asc, ${idExpr} asc` : sql`${spec.expr} desc, ${idExpr} desc`;
}

/**
 * Runs one page of a keyset query. `run` receives the extra WHERE and ORDER BY and the limit
 * (one more than asked, to know whether a next page exists) and returns rows that carry the
 * sort value as `_sort` and the id as `id`.
 */
export async function keysetPage<T extends { id: string | number }>(options: {
  params: PageParams;
  sorts: Record<string, SortSpec>;
  idExpr: SQL;
  idCast: 'uuid' | 'bigint';
  where: (SQL | undefined)[];
  run: (where: SQL | undefined, order: SQL, limit: number) => Promise<(T & { _sort: unknown })[]>;
}): Promise<Page<T>> {
  const { params, sorts } = options;
  const spec = sorts[params.sort];
  if (!spec) {
    throw new DomainError('validation_failed', `Cannot sort by "${params.sort}".`, [
      { path: 'sort', message: `one of: ${Object.keys(sorts).join(', ')}` },
    ]);
  }
  const limit = Math.min(Math.max(params.limit, 1), MAX_PAGE_SIZE);
  const conditions = [...options.where];
  if (params.cursor) {
    const state = decodeCursor(params.cursor, params.sort, params.order);
    conditions.push(afterCursor(spec, options.idExpr, options.idCast, state, params.order));
  }
  const rows = await options.run(and(...conditions), orderBy(spec, options.idExpr, params.order), limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor = rows.length > limit && last
    ? encodeCursor([params.sort, params.order, serialise(last._sort), last.id])
    : null;
  return { data: page.map(({ _sort, ...rest }) => rest as unknown as T), nextCursor };
}

function serialise(v: unknown): unknown {
  return v instanceof Date ? v.toISOString() : v;
}

/** Escapes LIKE wildcards in user search text. */
export function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
