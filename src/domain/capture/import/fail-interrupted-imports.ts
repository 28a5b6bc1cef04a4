import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { imports } from '../../../db/schema/index.js';

/**
 * An import still "running" when the only process that can run it starts again was killed:
 * its committed chunks are kept, and running the same file again completes it without duplicates.
 */
export async function failInterruptedImports(db: Database, at: Date): Promise<number> {
  const rows = await db.update(imports)
    .set({ status: 'failed', finishedAt: at, error: sql`'Interrupted (the server stopped during the import); rows up to the last committed chunk were kept. Import the same file again to complete it.'` })
    .where(eq(imports.status, 'running')).returning({ id: imports.id });
  return rows.length;
}
