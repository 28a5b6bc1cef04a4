import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { createTestEnv, type TestEnv } from '../support/test-app.js';

/**
 * Named prepared statements belong to a connection. On PGlite every connection shares one
 * session behind the socket (pglite-worker.js), so the worker makes each connection's names its
 * own and deallocates them when the connection goes: the same name prepared by two connections
 * with different texts must give each its own answers, and a closed connection's statements must
 * not stay behind. (On PostgreSQL this is the server's own behaviour.)
 */
let env: TestEnv;
beforeAll(async () => { env = await createTestEnv(); });
afterAll(async () => { await env?.close(); });

// The whole session's statements: on PGlite every connection's (one session), on PostgreSQL only
// the asking connection's own, so what a closed connection left behind is counted on PGlite only.
const prepared = async () => env.handle.engine === 'pglite'
  ? (await env.handle.pool.query<{ n: number }>(`select count(*)::int as n from pg_prepared_statements`)).rows[0]!.n : 0;

describe('named prepared statements', () => {
  it('are each connection\'s own, and go with their connection', async () => {
    const a = await env.handle.pool.connect();
    const b = await env.handle.pool.connect();
    onTestFinished(() => { for (const c of [a, b]) try { c.release(true); } catch { /* released already */ } });
    const before = await prepared();
    const ask = (c: typeof a, base: number, n: number) => c.query<{ v: number }>({ name: 'truce_test_same_name', text: `select ${base} + $1::int as v`, values: [n] });
    // Interleaved, several times each (the second and later calls only bind and execute).
    const answers = await Promise.all([1, 2, 3].flatMap((n) => [ask(a, 0, n), ask(b, 100, n)]));
    expect(answers.map((r) => r.rows[0]!.v)).toEqual([1, 101, 2, 102, 3, 103]);
    a.release(true); // closes the connection
    await expect.poll(prepared, { timeout: 5_000 }).toBe(env.handle.engine === 'pglite' ? before + 1 : 0);
    const c = await env.handle.pool.connect();
    expect((await ask(c, 1_000, 5)).rows[0]!.v).toBe(1_005);
    expect((await ask(b, 100, 5)).rows[0]!.v).toBe(105);
    b.release(true);
    c.release(true);
    await expect.poll(prepared, { timeout: 5_000 }).toBe(before);
  });
});
