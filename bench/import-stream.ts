import { runImport } from '../src/domain/capture/import/run-import.js';
import { openDatabase } from '../src/db/client.js';
import { runMigrations } from '../src/db/migrate.js';
import { systemClock } from '../src/domain/shared/clock.js';
import { systemCtx } from '../src/domain/shared/context.js';
import { createLogger } from '../src/logger.js';
import { fmt, peakRss } from './stats.js';

/** Streams a generated people CSV of `rows` rows through the import; reports rows/s and memory. */
export async function benchImport(rows: number, databaseUrl?: string): Promise<Record<string, string>> {
  const handle = await openDatabase(databaseUrl ? { url: databaseUrl } : { memory: true });
  await runMigrations(handle);
  const ctx = systemCtx(handle, systemClock, createLogger('silent'));
  async function* csv() {
    yield 'email,firstName,lastName,title,company,country,createdAt\n';
    for (let i = 0; i < rows; i += 1_000) {
      let chunk = '';
      for (let k = i; k < Math.min(rows, i + 1_000); k++) chunk += `p${k}@imp${k % 5_000}.example,First${k},Last${k},Engineer,Company ${k % 5_000},DE,2025-0${1 + (k % 9)}-15\n`;
      yield Buffer.from(chunk);
    }
  }
  const peak = peakRss();
  const started = performance.now();
  const summary = await runImport(ctx, { kind: 'people', source: csv() });
  const seconds = (performance.now() - started) / 1000;
  const rss = peak.stop();
  await handle.close();
  if (summary.rowsOk !== rows) throw new Error(`import bench: ${summary.rowsOk} of ${rows} rows imported (${summary.error ?? ''})`);
  return { [`import ${rows.toLocaleString('en')} people rows/s`]: fmt(rows / seconds, 0), 'import peak RSS (MB)': fmt(rss, 0) };
}
