import net from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../support/test-app.js';

/**
 * The database reads the wire protocol however the socket cuts it: a message in many pieces, a
 * header cut in two, the next message beginning in the same piece as the end of the last. On
 * PGlite the worker's socket server does this framing itself (pglite-worker.js, `received`:
 * a long message's pieces are joined once, when all of it is there); on PostgreSQL the server does.
 */
let env: TestEnv;
beforeAll(async () => { env = await createTestEnv(); });
afterAll(async () => { await env?.close(); });

/**
 * A socket that sends what it is given in pieces of `size(i)` bytes, each written apart (a pause
 * between). (Writable's `_write`: net.Socket puts its own `write` back on the instance at connect.)
 */
class PieceSocket extends net.Socket {
  constructor(private readonly size: (i: number) => number) { super(); }
  override _write(chunk: Buffer, encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    void (async () => {
      for (let at = 0, i = 0; at < chunk.length; i++) {
        const n = Math.max(1, this.size(i));
        const error = await new Promise<Error | null | undefined>((resolve) => super._write(chunk.subarray(at, at + n), encoding, resolve));
        if (error) return callback(error);
        at += n;
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
      callback();
    })();
  }
  override _writev(chunks: { chunk: Buffer }[], callback: (error?: Error | null) => void): void {
    this._write(Buffer.concat(chunks.map((c) => c.chunk)), 'buffer' as BufferEncoding, callback); // what Writable passes with a Buffer
  }
}

async function clientIn(size: (i: number) => number): Promise<pg.Client> {
  const options = (env.handle.pool as unknown as { options: pg.ClientConfig }).options;
  const client = new pg.Client({ ...options, stream: () => new PieceSocket(size) } as pg.ClientConfig);
  await client.connect();
  return client;
}

describe('the wire protocol cut in pieces', () => {
  it('answers a client whose every message arrives a few bytes at a time', async () => {
    const client = await clientIn((i) => 1 + (i % 3)); // headers cut anywhere
    try {
      const { rows } = await client.query<{ n: number; t: string }>('select $1::int + 1 as n, $2::text as t', [41, 'é, in pieces']);
      expect(rows).toEqual([{ n: 42, t: 'é, in pieces' }]);
    } finally {
      await client.end();
    }
  });

  it('answers a long parameter sent in pieces of uneven size, and what follows it', async () => {
    const client = await clientIn((i) => [65_536, 7, 100_003, 1][i % 4]!);
    try {
      const long = 'x'.repeat(1_500_000);
      const [a, b] = await Promise.all([
        client.query<{ n: number; tail: string }>('select length($1::text)::int as n, right($1::text, 3) as tail', [`${long}end`]),
        client.query<{ one: number }>('select 1 as one'),
      ]);
      expect(a.rows).toEqual([{ n: 1_500_003, tail: 'end' }]);
      expect(b.rows).toEqual([{ one: 1 }]);
      // A long simple query: the last message of its write, nothing after it to push it through.
      const c = await client.query<{ n: number }>(`select length('${long}')::int as n`);
      expect(c.rows).toEqual([{ n: 1_500_000 }]);
    } finally {
      await client.end();
    }
  });
});
