import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import * as schema from './schema/index.js';

export type Database = NodePgDatabase<typeof schema>;
export type Engine = 'pglite' | 'postgres';

export type DbHandle = {
  db: Database;
  pool: pg.Pool;
  engine: Engine;
  close(): Promise<void>;
};

export type OpenOptions = {
  /** A PostgreSQL connection string; when absent, embedded PGlite is used. */
  url?: string | undefined;
  /** PGlite data folder; ignored with `memory`. */
  dataDir?: string;
  memory?: boolean;
  poolSize?: number;
};

// int8 (count(*), bigint ids) as JS numbers: our counts and ids stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

export async function openDatabase(options: OpenOptions): Promise<DbHandle> {
  if (options.url) return openPostgres(options.url, options.poolSize ?? 10);
  return openPglite(options);
}

async function openPostgres(url: string, max: number): Promise<DbHandle> {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle client can be cut by the server (restart, admin command); the pool replaces it.
  // Without a listener that event would crash the process.
  pool.on('error', (err) => process.stderr.write(`truce: idle database connection lost: ${err.message}\n`));
  await pool.query('select 1');
  return { db: drizzle(pool, { schema }), pool, engine: 'postgres', close: () => pool.end() };
}

async function openPglite(options: OpenOptions): Promise<DbHandle> {
  const socketDir = mkdtempSync(path.join(os.tmpdir(), 'truce-pg-'));
  const port = 5432;
  const worker = new Worker(new URL('./pglite-worker.js', import.meta.url), {
    workerData: {
      dataDir: options.memory ? null : options.dataDir,
      socketPath: path.join(socketDir, `.s.PGSQL.${port}`),
      maxConnections: 64,
    },
  });
  await new Promise<void>((resolve, reject) => {
    const onMessage = (m: { type: string }) => {
      if (m.type !== 'ready') return;
      worker.off('error', reject);
      resolve();
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
  });
  // The worker multiplexes connections onto one PGlite session, transaction-aware.
  const pool = new pg.Pool({ host: socketDir, port, user: 'postgres', database: 'postgres', max: options.poolSize ?? 4 });
  // A connection the socket drops must not take the process down with an unhandled 'error' event.
  pool.on('error', (err) => process.stderr.write(`truce: embedded database connection lost: ${err.message}\n`));
  const close = async () => {
    await pool.end();
    await new Promise<void>((resolve) => {
      worker.once('message', () => resolve());
      worker.postMessage({ type: 'close' });
    });
    await worker.terminate();
    rmSync(socketDir, { recursive: true, force: true });
  };
  return { db: drizzle(pool, { schema }), pool, engine: 'pglite', close };
}
