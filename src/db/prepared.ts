import type pg from 'pg';
import type { Database } from './client.js';

/**
 * Runs a named prepared statement on the database or transaction given: each connection parses
 * and plans it once, later calls only bind and execute (planning is most of a one-row query's time
 * on PGlite: ~2 ms of 2.5 for the scoring read). Inside a transaction it runs on the transaction's
 * connection; otherwise the pool picks one. `text` must be the same for every call with `name`.
 * (On PGlite the worker makes each connection's statement names its own: pglite-worker.js.)
 */
export async function queryPrepared<R extends pg.QueryResultRow>(db: Database, name: string, text: string, values: unknown[]): Promise<pg.QueryResult<R>> {
  return queryable(db).query<R>({ name, text, values });
}

type Queryable = Pick<pg.Pool, 'query'>;

/** The connection under a Drizzle transaction, else the pool under the database. */
function queryable(db: Database): Queryable {
  const client = (db as unknown as { session?: { client?: Queryable } }).session?.client;
  if (client && typeof client.query === 'function') return client;
  return (db as unknown as { $client: Queryable }).$client;
}
