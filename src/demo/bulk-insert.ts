import type pg from 'pg';

/** Column name → PostgreSQL type, in insert order. */
export type Columns = Record<string, string>;

/**
 * Inserts rows in chunks with ONE jsonb parameter per statement (jsonb_to_recordset): no
 * per-row round-trips and no parameter limit, the same on PGlite and PostgreSQL.
 */
export async function bulkInsert(client: pg.PoolClient, table: string, columns: Columns, rows: readonly Record<string, unknown>[], chunk = 10_000): Promise<void> {
  const names = Object.keys(columns);
  const list = names.map((n) => `"${n}"`).join(', ');
  const types = names.map((n) => `"${n}" ${columns[n]}`).join(', ');
  const text = `insert into ${table} (${list}) select ${list} from jsonb_to_recordset($1::jsonb) as r(${types})`;
  for (let i = 0; i < rows.length; i += chunk) {
    await client.query(text, [JSON.stringify(rows.slice(i, i + chunk))]);
  }
}
