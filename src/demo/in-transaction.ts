import type pg from 'pg';
import type { DbHandle } from '../db/client.js';

/** Runs `fn` on one pooled connection inside BEGIN … COMMIT (ROLLBACK on any error). */
export async function inTransaction<T>(handle: DbHandle, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await handle.pool.connect();
  try {
    await client.query('begin');
    const result = await fn(client);
    await client.query('commit');
    return result;
  } catch (e) {
    await client.query('rollback').catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}
