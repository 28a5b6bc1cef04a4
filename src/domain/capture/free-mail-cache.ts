import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';

/**
 * The free-mail domains (`free_mail_domains`) from memory, for splitting a batch into parts
 * (`partition-touches.ts`). Per database (tests run several in one process), read again after
 * `TTL_MS`; concurrent callers share one read. A stale list never changes what is written (the
 * database decides free-mail with its own table): at worst a part waits on another part's claim of
 * a company domain, as two concurrent batches would.
 */
const TTL_MS = 10_000;

const caches = new WeakMap<Database, { at: number; domains: Promise<ReadonlySet<string>> }>();

export async function freeMailDomains(db: Database): Promise<ReadonlySet<string>> {
  // Wall time, not ctx.clock: this is cache freshness, not a rule of the domain.
  const now = Date.now();
  const hit = caches.get(db);
  if (hit && now - hit.at < TTL_MS) return hit.domains;
  const domains = db.execute<{ domain: string }>(sql`select domain from free_mail_domains`)
    .then((r) => new Set(r.rows.map((row) => row.domain)) as ReadonlySet<string>);
  caches.set(db, { at: now, domains });
  // A failed read is not kept: the next caller reads again.
  domains.catch(() => { if (caches.get(db)?.domains === domains) caches.delete(db); });
  return domains;
}
