import type pg from 'pg';

/**
 * Drops a table's secondary indexes (not those behind primary-key or unique constraints) and
 * returns a function that recreates them: building an index once after a bulk load is cheaper
 * than maintaining it row by row. Only for an empty table, inside the loading transaction.
 */
export async function deferIndexes(client: pg.PoolClient, table: string): Promise<() => Promise<void>> {
  const { rows } = await client.query<{ name: string; def: string }>(
    `select i.indexname as name, i.indexdef as def from pg_indexes i
      where i.schemaname = current_schema() and i.tablename = $1
        and not exists (select 1 from pg_constraint c where c.conname = i.indexname and c.conrelid = $1::regclass)
      order by i.indexname`, [table]);
  for (const r of rows) await client.query(`drop index "${r.name}"`);
  return async () => {
    for (const r of rows) await client.query(r.def);
  };
}
