import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../support/test-app.js';

/**
 * COPY … FROM STDIN, as capture sends it (pg-copy-streams over node-postgres). PostgreSQL speaks
 * it natively; PGlite's worker plays it (pglite-worker.js, copyMessage). Both must answer alike:
 * rows stored with their count, PostgreSQL's own error for a bad row, a failed COPY failing its
 * transaction, and the connection usable afterwards.
 */
let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
  await env.handle.pool.query(`create table copy_probe (id int primary key, label text, at timestamptz)`);
});
afterAll(async () => { await env?.close(); });

function copyIn(client: pg.PoolClient, statement: string, chunks: string[], fail?: Error): Promise<number> {
  return new Promise((resolve, reject) => {
    const stream = client.query(copyFrom(statement));
    stream.on('error', reject);
    stream.on('finish', () => resolve(stream.rowCount));
    for (const c of chunks) stream.write(Buffer.from(c, 'utf8'));
    if (fail) stream.destroy(fail);
    else stream.end();
  });
}

const rows = async () => (await env.handle.pool.query(`select id, label from copy_probe order by id`)).rows;

describe('COPY FROM STDIN', () => {
  it('stores the rows sent in pieces and says how many', async () => {
    const client = await env.handle.pool.connect();
    try {
      const n = await copyIn(client, 'copy copy_probe (id, label, at) from stdin', ['1\tone\t2026-01-01T00:00:00Z\n2\ttw', 'o\t\\N\n3\t\\\\x\t2026-01-02T00:00:00Z\n']);
      expect(n).toBe(3);
      // The connection goes on, and so does the pool.
      expect((await client.query('select count(*)::int as n from copy_probe')).rows[0].n).toBe(3);
    } finally {
      client.release();
    }
    expect(await rows()).toEqual([{ id: 1, label: 'one' }, { id: 2, label: 'two' }, { id: 3, label: '\\x' }]);
  });

  it("answers a row the table refuses with PostgreSQL's own error, and a savepoint undoes it", async () => {
    const client = await env.handle.pool.connect();
    try {
      await client.query('begin');
      await client.query(`insert into copy_probe values (10, 'before')`);
      await client.query('savepoint s');
      const err = await copyIn(client, 'copy copy_probe (id, label) from stdin', ['11\televen\n1\tagain\n']).catch((e: unknown) => e);
      expect(err).toMatchObject({ code: '23505', constraint: 'copy_probe_pkey' });
      await expect(client.query('select 1')).rejects.toMatchObject({ code: '25P02' }); // the transaction is failed
      await client.query('rollback to savepoint s');
      await client.query('commit');
    } finally {
      client.release();
    }
    const ids = (await rows()).map((r) => r.id);
    expect(ids).toContain(10);
    expect(ids).not.toContain(11);
  });

  it('fails the COPY the client gives up on, and its transaction; nothing of it stays', async () => {
    const client = await env.handle.pool.connect();
    try {
      await client.query('begin');
      const err = await copyIn(client, 'copy copy_probe (id, label) from stdin', ['20\ttwenty\n'], new Error('sender gave up')).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(Error);
      await expect(client.query('select 1')).rejects.toMatchObject({ code: '25P02' });
      await client.query('rollback');
      expect((await client.query('select 1 as one')).rows[0].one).toBe(1);
    } finally {
      client.release();
    }
    expect((await rows()).map((r) => r.id)).not.toContain(20);
  });

  it('keeps nothing of a COPY whose connection is gone before its end, and the others go on', async () => {
    const client = await env.handle.pool.connect();
    const stream = client.query(copyFrom('copy copy_probe (id, label) from stdin'));
    const failed = new Promise((resolve) => { stream.on('error', resolve); client.on('error', resolve); });
    stream.write(Buffer.from('40\tforty\n41\tforty-one\n'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    (client as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    await failed;
    client.release(true);
    expect((await env.handle.pool.query(`select count(*)::int as n from copy_probe where id >= 40`)).rows[0].n).toBe(0);
    const next = await env.handle.pool.connect();
    try {
      expect(await copyIn(next, 'copy copy_probe (id, label) from stdin', ['42\tforty-two\n'])).toBe(1);
    } finally {
      next.release();
    }
  });

  it('rolls back with its transaction, while other connections go on', async () => {
    const client = await env.handle.pool.connect();
    try {
      await client.query('begin');
      expect(await copyIn(client, 'copy copy_probe (id, label) from stdin', ['30\tthirty\n31\tthirty-one\n'])).toBe(2);
      const other = env.handle.pool.query(`select count(*)::int as n from copy_probe where id in (30, 31)`);
      await client.query('rollback');
      expect((await other).rows[0].n).toBe(0);
    } finally {
      client.release();
    }
    expect((await rows()).map((r) => r.id)).not.toContain(30);
  });
});
