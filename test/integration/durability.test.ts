import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.js';
import { createScratchDatabase } from '../support/test-app.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'truce-durable-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// PGlite's durability (fsync, WAL) is ours to configure; on PostgreSQL the same test kills the client.
describe('durability', () => {
  it('keeps every acknowledged touch when the process is killed mid-write', async () => {
    const server = process.env.TRUCE_TEST_DATABASE_URL;
    const scratch = server ? await createScratchDatabase(server) : null;
    const target = scratch?.url ?? path.join(dir, 'data');
    const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('test/support/ingest-forever.ts'), target], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let acked = 0;
    await new Promise<void>((resolve, reject) => {
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        for (const m of chunk.matchAll(/ack (\d+)/g)) acked = Number(m[1]);
        if (acked >= 3_000) { child.kill('SIGKILL'); resolve(); }
      });
      child.once('exit', (code) => (acked >= 3_000 ? resolve() : reject(new Error(`child exited early (${code})`))));
    });
    await new Promise((r) => child.once('exit', r));

    const handle = await openDatabase(scratch ? { url: scratch.url } : { dataDir: target });
    try {
      const { rows } = await handle.pool.query<{ n: number }>('select count(*)::int as n from touchpoints');
      expect(rows[0]!.n).toBeGreaterThanOrEqual(acked);
      const { rows: people } = await handle.pool.query<{ n: number }>(
        `select count(*)::int as n from touchpoints t left join people p on p.id = t.person_id where p.id is null`);
      expect(people[0]!.n).toBe(0);
    } finally {
      await handle.close();
      await scratch?.drop();
    }
  }, 120_000);
});
