import type pg from 'pg';

/**
 * Inserts rows in chunks with ONE json parameter per statement (json_to_recordset), the fastest
 * portable path on both PGlite and PostgreSQL.
 */
export async function bulkInsert(client: pg.PoolClient, table: string, columns: Record<string, string>, rows: Record<string, unknown>[], chunk = 5_000): Promise<void> {
  const names = Object.keys(columns);
  const list = names.map((n) => `"${n}"`).join(', ');
  const types = names.map((n) => `"${n}" ${columns[n]}`).join(', ');
  const text = `insert into ${table} (${list}) select ${list} from json_to_recordset($1::json) as r(${types})`;
  for (let i = 0; i < rows.length; i += chunk) {
    await client.query(text, [JSON.stringify(rows.slice(i, i + chunk))]);
  }
}
