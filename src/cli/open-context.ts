import type { Logger } from 'pino';
import { loadConfig, type Config } from '../config.js';
import { openDatabase, type DbHandle } from '../db/client.js';
import { acquireDataDirLock } from '../db/data-dir-lock.js';
import { runMigrations } from '../db/migrate.js';
import { systemClock } from '../domain/shared/clock.js';
import { systemCtx, type Ctx } from '../domain/shared/context.js';
import { createLogger } from '../logger.js';

export type Opened = { handle: DbHandle; config: Config; log: Logger; release: () => void };

/** Opens the configured database (PostgreSQL by DATABASE_URL, else embedded PGlite) and migrates it. */
export async function openConfigured(overrides: Partial<Config> = {}, logLevel?: string): Promise<Opened> {
  const config = loadConfig(process.env, overrides);
  const log = createLogger(logLevel ?? config.logLevel);
  const release = config.databaseUrl || config.memory ? () => {} : acquireDataDirLock(config.dataDir);
  try {
    const handle = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, memory: config.memory });
    await runMigrations(handle);
    return { handle, config, log, release };
  } catch (e) {
    release();
    throw e;
  }
}

/** Runs one CLI use case with a context whose actor is the command line. */
export async function withContext<T>(fn: (ctx: Ctx, opened: Opened) => Promise<T>, overrides: Partial<Config> = {}): Promise<T> {
  const opened = await openConfigured(overrides, 'warn');
  const ctx: Ctx = systemCtx(opened.handle, systemClock, opened.log, { type: 'system', id: 'cli', label: 'cli' });
  try {
    return await fn(ctx, opened);
  } finally {
    await opened.handle.close();
    opened.release();
  }
}
