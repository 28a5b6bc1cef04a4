import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../src/domain/capture/import/run-import.js';
import { openDatabase } from '../../src/db/client.js';
import { runMigrations } from '../../src/db/migrate.js';
import { systemClock } from '../../src/domain/shared/clock.js';
import { systemCtx } from '../../src/domain/shared/context.js';
import { createLogger } from '../../src/logger.js';
import { createScratchDatabase, createTestEnv, type TestEnv } from '../support/test-app.js';
import { peopleCsv } from '../fixtures/people-csv.js';

let env: TestEnv;
beforeAll(async () => { env = await createTestEnv({ now: '2026-06-15T12:00:00Z' }); });
afterAll(async () => { await env?.close(); });

const upload = async (kind: string, csv: string | Buffer, query = '') => {
  if (typeof csv === 'string') return env.request('POST', `/api/v1/imports/${kind}${query}`, csv, { 'content-type': 'text/csv' });
  const res = await env.app.request(`/api/v1/imports/${kind}${query}`, { method: 'POST', body: new Uint8Array(csv), headers: { ...env.adminHeaders, 'content-type': 'text/csv' } });
  return { status: res.status, body: await res.json() };
};
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

  it('reads a CRM export: aliases, quoted cells, custom fields, blank lines counted as spreadsheet rows', async () => {
    await env.request('POST', '/api/v1/custom-fields', { entity: 'person', key: 'segment', label: 'Segment', type: 'picklist', options: ['SMB', 'Enterprise'] });
    const res = await upload('people', readFileSync('test/fixtures/people-crm-export.csv'), '?fileName=crm.csv');
    expect(res.body).toMatchObject({ status: 'completed', rowsRead: 5, rowsOk: 3, rowsFailed: 2 });
    expect(res.body.errors.map((e: { rowNumber: number; field: string }) => [e.rowNumber, e.field])).toEqual([[5, 'email'], [7, 'custom.segment']]);
    const anna = (await env.request('GET', '/api/v1/people?q=anna.schmidt')).body.data[0];
    expect(anna).toMatchObject({ title: 'Head of Procurement', lifecycleStage: 'sql', originalSource: 'marketing', custom: { segment: 'Enterprise' } });
    const { rows } = await env.handle.pool.query(`select from_stage, to_stage, occurred_at from stage_transitions where person_id = $1 order by occurred_at`, [anna.id]);
    expect(rows.map((r) => [r.from_stage, r.to_stage, r.occurred_at.toISOString()])).toEqual([
      [null, 'lead', '2024-11-04T00:00:00.000Z'], ['lead', 'mql', '2024-12-02T09:15:00.000Z'], ['mql', 'sql', '2025-01-20T14:00:00.000Z'],
    ]);
    const lucas = (await env.request('GET', '/api/v1/people?q=lucas.bernard')).body.data[0];
    expect(lucas.title).toBe('Directeur Achats, Europe');
    const list = await env.request('GET', `/api/v1/imports/${res.body.id}/errors`);
    expect(list.body.data).toHaveLength(2);
    const csv = await env.request('GET', `/api/v1/imports/${res.body.id}/errors.csv`);
    expect(csv.headers.get('content-disposition')).toContain('attachment');
    expect(csv.text.trim().split(/\r?\n/)).toHaveLength(3);
  });

  it('refuses a file without a required column at its header, naming the column', async () => {
    const res = await upload('people', 'Name,Phone\nAda,123\n');
    expect(res.status).toBe(422);
    expect(res.body.detail).toMatch(/E-mail \(email\).*required.*Name, Phone/);
    expect(res.body.import).toMatchObject({ status: 'failed', rowsRead: 0 });
    const mapped = await upload('people', 'Mail,Name\nmapped@map.test,Ada\n', `?mapping=${encodeURIComponent(JSON.stringify({ Mail: 'email', Name: 'firstName' }))}`);
    expect(mapped.body).toMatchObject({ status: 'completed', rowsOk: 1 });
    const fields = await env.request('GET', '/api/v1/imports/fields/people');
    expect(fields.body.data).toContainEqual(expect.objectContaining({ key: 'email', required: true }));
    expect(fields.body.data).toContainEqual(expect.objectContaining({ key: 'custom.segment' }));
  });

  it('keeps the rows before a byte that is not UTF-8 and says where it is', async () => {
    const res = await upload('people', Buffer.from([0xff, 0xfe, 0x41]));
    expect(res.status).toBe(415);
    expect(res.body).toMatchObject({ code: 'invalid_encoding' });
    expect(res.body.detail).toMatch(/first bad byte at byte 1\b.*CSV UTF-8/);
    const file = Buffer.concat([Buffer.from('email,firstName\nbefore1@enc.test,A\nbefore2@enc.test,Zoë\nbad@enc.test,Zo'), Buffer.from([0xeb]), Buffer.from('\nafter@enc.test,B\n')]);
    const summary = await runImport(env.ctx, { kind: 'people', source: [file] });
    expect(summary).toMatchObject({ status: 'failed', errorCode: 'invalid_encoding', rowsOk: 2 });
    expect(summary.error).toContain(`byte ${file.indexOf(0xeb) + 1}`);
    expect((await env.request('GET', '/api/v1/people?q=before2@enc.test')).body.data[0].firstName).toBe('Zoë');
    expect((await env.request('GET', '/api/v1/people?q=bad@enc.test')).body.data).toHaveLength(0);
  });

  it('reports a row the database refuses and keeps the rest of its chunk', async () => {
    const summary = await runImport(env.ctx, { kind: 'people', source: ['email,firstName\nn1@nul.test,One\nn2@nul.test,Bad\u0000Name\nn3@nul.test,Three\n'] });
    expect(summary).toMatchObject({ status: 'completed', rowsOk: 2, rowsFailed: 1 });
    expect(summary.errors).toEqual([expect.objectContaining({ rowNumber: 3, code: 'rejected' })]);
  });

  it('tolerates trailing separators and reports short rows', async () => {
    const summary = await runImport(env.ctx, { kind: 'people', source: ['email,firstName\nt1@trail.test,One,,\nt2@trail.test\nt3@trail.test,Three,extra\n'] });
    expect(summary.errors.map((e) => [e.rowNumber, e.code])).toEqual([[3, 'column_count'], [4, 'column_count']]);
    expect(summary.rowsOk).toBe(1);
  });

  it('re-imports deals without erasing what the file leaves empty', async () => {
    await upload('opportunities', 'externalId,name,accountExternalId,amount,stage,createdAt\nD-9,Initech renewal,A-1,5000,proposal,2025-01-05\n');
    const again = await upload('opportunities', 'externalId,name,accountExternalId,amount,stage,createdAt\nD-9,Initech renewal,A-1,,,\n');
    expect(again.body).toMatchObject({ rowsOk: 1, rowsFailed: 0 });
    const deal = (await env.request('GET', '/api/v1/opportunities?q=Initech renewal')).body.data[0];
    expect(deal).toMatchObject({ amount: 5000, stage: 'proposal', createdAt: '2025-01-05T00:00:00.000Z' });
  });

  it('dates badge scans without a time at the event (the file\'s date or the campaign start)', async () => {
    await env.request('POST', '/api/v1/campaigns', { name: 'Expo Berlin 2026', type: 'trade_show', channel: 'event', externalId: 'EXPO-BER-26', startsOn: '2026-05-12' });
    const csv = 'Email,First Name,Company\nscan1@expo.test,Ina,Expo One\nscan2@expo.test,Olaf,Expo Two\n';
    const res = await upload('badge_scans', csv, '?campaignExternalId=EXPO-BER-26');
    expect(res.body).toMatchObject({ status: 'completed', rowsOk: 2, rowsFailed: 0 });
    const ina = (await env.request('GET', '/api/v1/people?q=scan1@expo.test')).body.data[0];
    const touches = (await env.request('GET', `/api/v1/people/${ina.id}/touchpoints`)).body.data;
    expect(touches).toEqual([expect.objectContaining({ kind: 'badge_scan', occurredAt: '2026-05-12T00:00:00.000Z' })]);
    const dated = await upload('badge_scans', 'Email\nscan3@expo.test\n', '?occurredAt=2026-05-13');
    expect(dated.body).toMatchObject({ rowsOk: 1 });
    const none = await upload('badge_scans', 'Email\nscan4@expo.test\n');
    expect(none.status).toBe(422);
    expect(none.body.detail).toMatch(/Scanned at/);
  });

  it('lists imports newest first', async () => {
    const page = await env.request('GET', '/api/v1/imports?limit=2');
    expect(page.body.data).toHaveLength(2);
    expect(page.body.nextCursor).toBeTruthy();
    const one = await env.request('GET', `/api/v1/imports/${page.body.data[0].id}`);
    expect(one.body.id).toBe(page.body.data[0].id);
  });

  it('streams a 200,000-row file in bounded memory, and a second run changes nothing', async () => {
    const N = 200_000;
    // Retained memory, not garbage not yet collected: collect, then sample, every tenth chunk.
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    gc();
    const before = process.memoryUsage().heapUsed;
    let peak = before;
    let chunks = 0;
    const onProgress = () => { if (++chunks % 10 === 0) { gc(); peak = Math.max(peak, process.memoryUsage().heapUsed); } };
    const started = performance.now();
    const summary = await runImport(env.ctx, { kind: 'people', source: peopleCsv(N), onProgress });
    const seconds = (performance.now() - started) / 1000;
    expect(summary).toMatchObject({ status: 'completed', rowsRead: N, rowsOk: N, rowsFailed: 0 });
    console.info(`import: ${N} people in ${seconds.toFixed(1)} s (${Math.round(N / seconds)} rows/s), retained heap +${Math.round((peak - before) / 2 ** 20)} MB`);
    expect(peak - before).toBeLessThan(64 * 1024 * 1024);
    const count = async () => (await env.handle.pool.query(`select count(*)::int as n from people where email like 'bulk%'`)).rows[0].n;
    expect(await count()).toBe(N);
    const again = await runImport(env.ctx, { kind: 'people', source: peopleCsv(20_000) });
    expect(again).toMatchObject({ rowsOk: 20_000 });
    expect(await count()).toBe(N);
  }, 180_000);
});

describe('CSV import durability', () => {
  it('loses no acknowledged row when the process is killed, and the same file run again completes without duplicates', async () => {
    const rows = 40_000;
    const dir = mkdtempSync(path.join(os.tmpdir(), 'truce-import-kill-'));
    const server = process.env.TRUCE_TEST_DATABASE_URL;
    const scratch = server ? await createScratchDatabase(server) : null;
    const target = scratch?.url ?? path.join(dir, 'data');
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('test/fixtures/import-until-killed.ts'), target, String(rows)], { stdio: ['ignore', 'pipe', 'inherit'] });
      let acked = 0;
      await new Promise<void>((resolve, reject) => {
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
          for (const m of chunk.matchAll(/ack (\d+)/g)) acked = Number(m[1]);
          if (acked >= 3_000) { child.kill('SIGKILL'); resolve(); }
        });
        child.once('exit', (code) => (acked >= 3_000 ? resolve() : reject(new Error(`child exited early (${code})`))));
      });
      await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(null) : child.once('exit', r)));

      const handle = await openDatabase(scratch ? { url: scratch.url } : { dataDir: target });
      try {
        await runMigrations(handle);
        const count = async () => (await handle.pool.query<{ n: number }>(`select count(*)::int as n from people`)).rows[0]!.n;
        const kept = await count();
        expect(kept).toBeGreaterThanOrEqual(acked);
        expect(kept).toBeLessThan(rows);
        const [killed] = (await handle.pool.query(`select status, rows_ok from imports`)).rows;
        expect(killed).toMatchObject({ status: 'running' });
        expect(killed.rows_ok).toBe(kept); // counters commit with their rows
        const ctx = systemCtx(handle, systemClock, createLogger('silent'));
        const again = await runImport(ctx, { kind: 'people', source: peopleCsv(rows) });
        expect(again).toMatchObject({ status: 'completed', rowsOk: rows, rowsFailed: 0 });
        expect(await count()).toBe(rows);
        const { rows: leads } = await handle.pool.query<{ n: number }>(`select count(*)::int as n from stage_transitions`);
        expect(leads[0]!.n).toBe(rows);
      } finally {
        await handle.close();
      }
    } finally {
      await scratch?.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});

