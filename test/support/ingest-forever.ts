/**
 * A child process for the durability test: opens an on-disk PGlite (a folder) or PostgreSQL (a
 * postgres:// URL), ingests batches of touches
 * forever and prints "ack <total>" after each committed batch, until it is killed.
 */
import { openDatabase } from '../../src/db/client.js';
import { runMigrations } from '../../src/db/migrate.js';
import { validateTouchpoints } from '../../src/domain/capture/validate-touchpoints.js';
import { writeTouchpoints } from '../../src/domain/capture/write-touchpoints.js';
import { systemClock } from '../../src/domain/shared/clock.js';
import { systemCtx, type Ctx } from '../../src/domain/shared/context.js';
import { createLogger } from '../../src/logger.js';

const target = process.argv[2]!;
const handle = await openDatabase(target.startsWith('postgres') ? { url: target } : { dataDir: target });
await runMigrations(handle);
const ctx: Ctx = systemCtx(handle, systemClock, createLogger('silent'));
let total = 0;
for (let b = 0; ; b++) {
  const items = Array.from({ length: 500 }, (_, i) => ({
    externalId: `dur-${b}-${i}`, occurredAt: '2026-01-01T00:00:00Z', kind: 'page_view', email: `p${i}@durable${b % 7}.test`,
  }));
  const { valid } = await validateTouchpoints(ctx, items);
  const r = await writeTouchpoints(ctx, valid);
  total += r.created;
  process.stdout.write(`ack ${total}\n`);
}
