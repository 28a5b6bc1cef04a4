import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../src/domain/capture/import/run-import.js';
import { createTestEnv, type TestEnv } from '../support/test-app.js';

let env: TestEnv;
beforeAll(async () => { env = await createTestEnv({ now: '2026-06-15T12:00:00Z' }); });
afterAll(async () => { await env?.close(); });

const upload = (kind: string, csv: string | Buffer, query = '') =>
  env.request('POST', `/api/v1/imports/${kind}${query}`, csv as string, { 'content-type': 'text/csv' });
const count = async (table: string) => (await env.handle.pool.query(`select count(*)::int as n from ${table}`)).rows[0].n as number;

describe('CSV import', () => {
  const people = [
    'E-mail,First name,Last name,Company,Created,MQL date,Stage',
    'ada@lovelace.io,Ada,Lovelace,Lovelace Ltd,2025-01-10,2025-02-01T10:00:00Z,mql',
    'bad-email,Bob,Broken,,2025-01-11,,',
    'cy@lovelace.io,Cy,,Lovelace Ltd,2025-01-12,,',
  ].join('\n');

  it('reports a bad row with its number and field, and keeps the good ones with their history', async () => {
    const res = await upload('people', people, '?fileName=people.csv');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'completed', rowsRead: 3, rowsOk: 2, rowsFailed: 1 });
    expect(res.body.errors).toEqual([expect.objectContaining({ rowNumber: 3, field: 'email' })]);
    const ada = (await env.request('GET', '/api/v1/people?q=ada@lovelace.io')).body.data[0];
    expect(ada).toMatchObject({ firstName: 'Ada', lifecycleStage: 'mql', createdAt: '2025-01-10T00:00:00.000Z' });
    const { rows } = await env.handle.pool.query(`select to_stage, occurred_at from stage_transitions where person_id = $1 order by occurred_at`, [ada.id]);
    expect(rows.map((r) => [r.to_stage, r.occurred_at.toISOString()])).toEqual([
      ['lead', '2025-01-10T00:00:00.000Z'], ['mql', '2025-02-01T10:00:00.000Z'],
    ]);
  });

  it('creates no duplicates when the same file is imported again, and never blanks a value', async () => {
    const before = [await count('people'), await count('stage_transitions')];
    const again = await upload('people', people.replace('Ada,Lovelace', 'Ada,'));
    expect(again.body).toMatchObject({ rowsOk: 2, rowsFailed: 1 });
    expect([await count('people'), await count('stage_transitions')]).toEqual(before);
    const ada = (await env.request('GET', '/api/v1/people?q=ada@lovelace.io')).body.data[0];
    expect(ada.lastName).toBe('Lovelace');
  });

  it('keeps rows before a broken quote and names the line', async () => {
    const rows = ['email,firstName', ...Array.from({ length: 5 }, (_, i) => `q${i}@quote.test,Q${i}`), 'broken@quote.test,"never closed', 'after@quote.test,After'];
    const summary = await runImport(env.ctx, { kind: 'people', source: [rows.join('\n')], chunkSize: 2 });
    expect(summary.status).toBe('failed');
    expect(summary.error).toMatch(/quoted field is never closed at line \d+/);
    expect(summary.rowsOk).toBeGreaterThanOrEqual(4);
    const kept = await env.request('GET', '/api/v1/people?q=quote.test&limit=100');
    expect(kept.body.data.length).toBe(summary.rowsOk);
    const res = await upload('people', rows.join('\n'));
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('invalid_csv');
  });

  it('refuses a file that is not UTF-8, saying so', async () => {
    const latin1 = Buffer.concat([Buffer.from('email,firstName\nzoe@enc.test,Zo'), Buffer.from([0xeb]), Buffer.from('\n')]);
    const summary = await runImport(env.ctx, { kind: 'people', source: [latin1] });
    expect(summary).toMatchObject({ status: 'failed', errorCode: 'invalid_encoding' });
    expect(summary.error).toMatch(/not valid UTF-8/);
  });

  it('imports accounts with parents that come later in the file, and deals with contacts and outcomes', async () => {
    const accounts = [
      'externalId,name,domains,parentExternalId,employees,segment',
      'A-2,Initech France,initech.fr,A-1,120,',
      'A-1,Initech Group,initech.com;initech.de,,5400,',
      'A-3,Ghost Sub,ghost.example,A-404,10,',
    ].join('\n');
    const res = await upload('accounts', accounts);
    expect(res.body).toMatchObject({ rowsOk: 3 });
    expect(res.body.errors).toEqual([expect.objectContaining({ rowNumber: 4, field: 'parentExternalId' })]);
    const fr = (await env.request('GET', '/api/v1/accounts?q=Initech France')).body.data[0];
    const group = (await env.request('GET', '/api/v1/accounts?q=Initech Group')).body.data[0];
    expect(fr.parentId).toBe(group.id);
    expect(group.domains).toEqual(['initech.com', 'initech.de']);

    await upload('people', 'email\nmila@initech.com\n');
    const deals = [
      'externalId,name,accountExternalId,amount,createdAt,outcome,closedAt,contactEmails,contactRole',
      'D-1,Initech platform,A-1,"120,000",2025-03-01,won,2025-06-30,mila@initech.com,champion',
      'D-2,Initech pilot,A-1,9000,2025-04-01,lost,,,',
      'D-3,Nowhere deal,A-999,10,2025-04-01,,,,',
    ].join('\n');
    const d = await upload('opportunities', deals);
    expect(d.body).toMatchObject({ rowsOk: 1, rowsFailed: 2 });
    expect(d.body.errors.map((e: { rowNumber: number; field: string }) => [e.rowNumber, e.field])).toEqual([[3, 'closedAt'], [4, 'accountExternalId']]);
    const won = (await env.request('GET', '/api/v1/opportunities?q=Initech platform')).body.data[0];
    expect(won).toMatchObject({ amount: 120000, isWon: true, stage: 'closed_won', closedAt: '2025-06-30T00:00:00.000Z', createdAt: '2025-03-01T00:00:00.000Z' });
  });

  it('imports a trade-show badge scan list once, however often it is uploaded', async () => {
    const csv = readFileSync('test/fixtures/expo-badge-scans.csv', 'utf8');
    const first = await upload('badge_scans', csv);
    expect(first.body).toMatchObject({ rowsRead: 4, rowsOk: 3, rowsFailed: 1 });
    expect(first.body.errors[0]).toMatchObject({ rowNumber: 5, field: 'email' });
    const touches = await count('touchpoints');
    await upload('badge_scans', csv);
    expect(await count('touchpoints')).toBe(touches);
    const jana = (await env.request('GET', '/api/v1/people?q=jana.novak')).body.data[0];
    const timeline = (await env.request('GET', `/api/v1/people/${jana.id}/touchpoints`)).body.data;
    expect(timeline).toEqual([expect.objectContaining({ kind: 'badge_scan', channel: 'event', properties: { 'Booth Notes': 'wants pricing' } })]);
    const tee = (await env.request('GET', '/api/v1/people?q=t.shirt@gmail.com')).body.data[0];
    expect(tee.accountId).toBeNull();
  });

  it('answers a wrong content type and an unknown kind clearly', async () => {
    expect((await env.request('POST', '/api/v1/imports/people', 'email\n', { 'content-type': 'application/json' })).status).toBe(415);
    expect((await upload('planets', 'email\n')).status).toBe(422);
  });

  it('streams a large file in bounded memory', async () => {
    const N = 60_000;
    async function* lines() {
      yield 'email,firstName,lastName,title\n';
      for (let i = 0; i < N; i += 1_000) {
        yield Array.from({ length: 1_000 }, (_, k) => `bulk${i + k}@stream${(i + k) % 500}.test,First${i + k},Last,Engineer\n`).join('');
      }
    }
    global.gc?.();
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    const summary = await runImport(env.ctx, { kind: 'people', source: lines(), onProgress: () => { peak = Math.max(peak, process.memoryUsage().heapUsed); } });
    expect(summary).toMatchObject({ status: 'completed', rowsOk: N, rowsFailed: 0 });
    expect(peak - before).toBeLessThan(150 * 1024 * 1024);
  }, 120_000);
});
