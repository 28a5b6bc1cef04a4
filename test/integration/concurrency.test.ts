import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../support/test-app.js';

/**
 * Several large requests at once share the database connections (on PGlite, one session behind a
 * socket): each gets its own answers. A query group of one connection interleaved with another's
 * used to be answered with the other's statement or result.
 */
let env: TestEnv;
beforeAll(async () => { env = await createTestEnv(); });
afterAll(async () => { await env?.close(); });

const batch = (b: number) => ({
  touchpoints: Array.from({ length: 3_000 }, (_, i) => ({
    externalId: `c-${b}-${i}`, occurredAt: new Date(Date.UTC(2026, 0, 1) + (b * 3_000 + i) * 1_000).toISOString(),
    kind: 'page_view', email: `p${b * 500 + (i % 500)}@c${i % 120}.example`,
  })),
});

describe('concurrent requests', () => {
  it('answers four large capture batches and reads sent at once, each with its own result', async () => {
    const writes = [0, 1, 2, 3].map((b) => env.request('POST', '/api/v1/touchpoints', batch(b)));
    const reads = Array.from({ length: 8 }, () => env.request('GET', '/api/v1/people?limit=5'));
    const results = await Promise.all([...writes, ...reads]);
    expect(results.map((r) => r.status), results.filter((r) => r.status >= 400).map((r) => r.text).join('\n')).toEqual([201, 201, 201, 201, 200, 200, 200, 200, 200, 200, 200, 200]);
    const { rows } = await env.handle.pool.query(`select count(*)::int as n from touchpoints where external_id like 'c-%'`);
    expect(rows[0].n).toBe(12_000);
  });
});
