import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { createTestEnv, type TestEnv } from '../support/test-app.js';

/**
 * A connection that goes away in the middle of a transaction leaves nothing behind: what it wrote
 * is rolled back and the other connections go on. On PGlite every connection shares the one
 * session behind the worker's socket (pglite-worker.js), which holds the session for the
 * connection whose transaction is open and rolls it back when that connection goes; on
 * PostgreSQL this is the server's own behaviour.
 */
let env: TestEnv;
beforeAll(async () => { env = await createTestEnv(); });
afterAll(async () => { await env?.close(); });

describe('a connection gone mid-transaction', () => {
  it('has its writes rolled back, and the others go on with their own transactions', async () => {
    const a = await env.handle.pool.connect();
    onTestFinished(() => { try { a.release(true); } catch { /* released already */ } });
    await a.query('begin');
    await a.query(`insert into settings (key, value) values ('truce_test_gone', '{"by": "a"}'::jsonb)`);
    a.release(true); // closes the connection with its transaction open

    const count = async () => (await env.handle.pool.query<{ n: number }>(`select count(*)::int as n from settings where key = 'truce_test_gone'`)).rows[0]!.n;
    expect(await count()).toBe(0);
    const b = await env.handle.pool.connect();
    try {
      await b.query('begin');
      await b.query(`insert into settings (key, value) values ('truce_test_gone', '{"by": "b"}'::jsonb)`);
      await b.query('commit');
    } finally {
      b.release();
    }
    const { rows } = await env.handle.pool.query<{ by: string }>(`select value->>'by' as by from settings where key = 'truce_test_gone'`);
    expect(rows).toEqual([{ by: 'b' }]);
  });
});
