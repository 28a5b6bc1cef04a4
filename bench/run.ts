/**
 * `npm run bench`: capture throughput and latency on PGlite and on PostgreSQL, with memory.
 * Options: --batches N (default 20), --forms N (default 500), --import-rows N (default 200,000;
 * 1000000 for the million-row check), --large (memory with the large demo: 200,000 people and
 * 2,000,000 touches, about 4 minutes to load on PGlite; default: the default demo company),
 * --only pglite|postgres, --only-scoring (no import or capture: the demo company, its memory and scoring),
 * --only-capture (batch capture and form posts only).
 * PostgreSQL: TRUCE_BENCH_DATABASE_URL (a server where the bench may create and drop databases),
 * else a scratch server from the machine's binaries; the bench says so when there is neither.
 *
 * The server under test runs as its own process (`truce serve`), so the memory reported is the
 * server's alone; the streamed import runs in the bench process, on its own database; the
 * in-process sections (scoring, hand-off, attribution, reporting) each in a process of their own.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_PASSWORD } from '../src/demo/demo-credentials.js';
import { benchImport } from './import-stream.js';
import { machineSpeed, type MachineSpeed } from './machine.js';
import { scratchDatabase, serverMemoryMb, startScratchPostgres } from './postgres-server.js';
import { loadDemoInChild, runSectionInChild, startServerProcess, type Target } from './server-process.js';
import { fmt, percentile } from './stats.js';

const { values: args } = parseArgs({
  options: {
    batches: { type: 'string', default: '20' },
    forms: { type: 'string', default: '500' },
    'import-rows': { type: 'string', default: '200000' },
    large: { type: 'boolean', default: false },
    only: { type: 'string' },
    'only-scoring': { type: 'boolean', default: false },
    'only-capture': { type: 'boolean', default: false },
  },
});
const BATCHES = Number(args.batches);
/** 10,000-touch requests sent first and not counted (the server's warm-up). */
const WARM_UP_BATCHES = 3;
const FORMS = Number(args.forms);
const SCALE = args.large ? 'large' : 'default';

type Result = Record<string, string>;
const results: { engine: string; result: Result }[] = [];

function makeBatch(b: number, tag = 'bench'): unknown[] {
  // 10,000 touches from 2,000 people at 400 companies: mostly new people, some returning.
  return Array.from({ length: 10_000 }, (_, i) => {
    const person = (b * 1_500 + (i % 2_000));
    return {
      externalId: `${tag}-${b}-${i}`,
      occurredAt: new Date(Date.UTC(2026, 0, 1) + (b * 10_000 + i) * 1_000).toISOString(),
      kind: ['page_view', 'email_open', 'email_click', 'content_download', 'webinar_attended'][i % 5],
      email: `${tag === 'bench' ? '' : tag}person${person}@${tag === 'warm' ? 'warm-' : ''}company${person % 400}.example`,
      ...(i % 10 === 0 ? { person: { firstName: 'Bench', lastName: `P${person}`, companyName: `Company ${person % 400}` } } : {}),
    };
  });
}

/** Signs in and creates an API key with the session (capture needs credentials). */
async function apiKey(url: string, email: string, password: string): Promise<Record<string, string>> {
  const signIn = await fetch(`${url}/api/v1/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (!signIn.ok) throw new Error(`bench sign-in as ${email} failed: ${signIn.status} ${await signIn.text()}`);
  const cookies = signIn.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const csrf = cookies.find((c) => c.startsWith('truce_csrf='))?.slice('truce_csrf='.length) ?? '';
  const res = await fetch(`${url}/api/v1/api-keys`, {
    method: 'POST', headers: { 'content-type': 'application/json', cookie: cookies.join('; '), 'x-csrf-token': csrf },
    body: JSON.stringify({ name: `bench ${Date.now()}`, role: 'admin' }),
  });
  if (res.status !== 201) throw new Error(`bench API key failed: ${res.status} ${await res.text()}`);
  const { token } = (await res.json()) as { token: string };
  return { authorization: `Bearer ${token}` };
}

async function createForm(url: string, auth: Record<string, string>, key: string): Promise<void> {
  const res = await fetch(`${url}/api/v1/forms`, {
    method: 'POST', headers: { 'content-type': 'application/json', ...auth },
    body: JSON.stringify({ key, name: `Bench ${key}`, kind: 'demo_request' }),
  });
  if (res.status !== 201) throw new Error(`form create failed: ${res.status} ${await res.text()}`);
}

/** Posts `n` hand-raises to the form one after the other (after 20 not counted, to warm up); returns each latency in ms. */
async function postForms(url: string, key: string, n: number, tag: string): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = -20; i < n; i++) {
    const t0 = performance.now();
    const res = await fetch(`${url}/f/${key}`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.1.${i % 250}.1` },
      body: JSON.stringify({ email: `hand${i}.${tag}@raiser${i % 50}.example`, firstName: 'Hand', company: 'Raiser' }),
    });
    if (res.status !== 201) throw new Error(`form failed: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
    if (i >= 0) latencies.push(performance.now() - t0);
    if (i % 50 === 0) process.stderr.write('f');
  }
  return latencies;
}

/** Capture on an empty database: batches of 10,000 touches, then single form posts. */
async function benchCapture(target: Target, r: Result, dbPids?: () => number[]): Promise<void> {
  const password = `bench-${Math.random().toString(36).slice(2)}-A1`;
  const server = await startServerProcess(target, { TRUCE_ADMIN_EMAIL: 'bench-admin@truce.local', TRUCE_ADMIN_PASSWORD: password, TRUCE_FORM_RATE_LIMIT: '1000000' });
  try {
    const auth = await apiKey(server.url, 'bench-admin@truce.local', password);
    await createForm(server.url, auth, 'bench-demo');
    const latencies: number[] = [];
    const post = async (body: string): Promise<number> => {
      const t0 = performance.now();
      const res = await fetch(`${server.url}/api/v1/touchpoints`, { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body });
      if (res.status !== 201) throw new Error(`ingest failed: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
      process.stderr.write('.');
      return performance.now() - t0;
    };
    // Steady state, as the other sections measure it: the first requests after the server starts
    // also compile the capture path (the server's JIT; the database's plans and caches) and are
    // reported apart, not counted in the throughput.
    const warm: number[] = [];
    for (let b = 0; b < WARM_UP_BATCHES; b++) warm.push(await post(JSON.stringify({ touchpoints: makeBatch(b, 'warm') })));
    r['ingest, first 10k requests after start (warm-up, not counted), ms'] = warm.map((ms) => fmt(ms, 0)).join(' / ');
    const bodies = Array.from({ length: BATCHES }, (_, b) => JSON.stringify({ touchpoints: makeBatch(b) }));
    const started = performance.now();
    for (const body of bodies) latencies.push(await post(body));
    const seconds = (performance.now() - started) / 1000;
    r['ingest touches/s'] = fmt((BATCHES * 10_000) / seconds, 0);
    r['ingest p50 ms / 10k'] = fmt(percentile(latencies, 50));
    r['ingest p99 ms / 10k'] = fmt(percentile(latencies, 99));
    // The same volume from two senders at once (an integration and an import, say): PostgreSQL
    // works both on its two cores; embedded PGlite serialises them on its one session.
    const more = Array.from({ length: BATCHES }, (_, b) => JSON.stringify({ touchpoints: makeBatch(b, 'par') }));
    const parStarted = performance.now();
    let next = 0;
    await Promise.all([0, 1].map(async () => {
      while (next < more.length) {
        const body = more[next++]!;
        const res = await fetch(`${server.url}/api/v1/touchpoints`, { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body });
        if (res.status !== 201) throw new Error(`ingest failed: ${res.status} ${await res.text()}`);
        await res.arrayBuffer();
        process.stderr.write('.');
      }
    }));
    r['ingest touches/s, 2 senders'] = fmt((BATCHES * 10_000) / ((performance.now() - parStarted) / 1000), 0);
    const forms = await postForms(server.url, 'bench-demo', FORMS, 'c');
    r['form p50 ms'] = fmt(percentile(forms, 50), 2);
    r['form p99 ms'] = fmt(percentile(forms, 99), 2);
    r['server peak RSS, capture (MB)'] = fmt(server.memory().peakMb, 0);
    if (dbPids) {
      const m = serverMemoryMb(dbPids());
      r[`PostgreSQL server ${m.kind}, capture (MB, apart)`] = fmt(m.mb, 0);
    }
  } finally {
    await server.stop();
  }
}

/** Memory of a server process holding the demo company: at rest, then after reads and form posts. */
async function benchMemory(target: Target, r: Result, dbPids?: () => number[]): Promise<void> {
  r[`${SCALE} demo load (s)`] = fmt(await loadDemoInChild(target, SCALE), 0);
  const server = await startServerProcess(target, { TRUCE_FORM_RATE_LIMIT: '1000000' });
  try {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    r[`server RSS at rest, ${SCALE} demo (MB)`] = fmt(server.memory().rssMb, 0);
    const auth = await apiKey(server.url, 'admin@truce.demo', DEMO_PASSWORD);
    const reads = ['/api/v1/people?limit=50', '/api/v1/people?stage=mql&limit=50', '/api/v1/people?q=smith&limit=50', '/api/v1/accounts?limit=50',
      '/api/v1/opportunities?limit=50', '/api/v1/touchpoints?limit=50', '/api/v1/reports/scoreboard', '/api/v1/search?q=acme'];
    for (let round = 0; round < 3; round++) {
      for (const p of reads) {
        const res = await fetch(`${server.url}${p}`, { headers: auth });
        if (!res.ok) throw new Error(`${p}: ${res.status} ${await res.text()}`);
        await res.arrayBuffer();
      }
    }
    await createForm(server.url, auth, 'bench-memory');
    const forms = await postForms(server.url, 'bench-memory', 100, 'm');
    // Hand-raises (a demo-request form): each is scored, made an MQL and handed off before it is answered (#5's path).
    r[`hand-raise form p99 ms, ${SCALE} demo (scored, routed before the answer)`] = fmt(percentile(forms, 99), 2);
    const m = server.memory();
    r[`server RSS after use, ${SCALE} demo (MB)`] = fmt(m.rssMb, 0);
    r[`server peak RSS, ${SCALE} demo (MB)`] = fmt(m.peakMb, 0);
    if (dbPids) {
      const db = serverMemoryMb(dbPids());
      r[`PostgreSQL server ${db.kind}, ${SCALE} demo (MB, apart)`] = fmt(db.mb, 0);
    }
  } finally {
    await server.stop();
  }
  // The in-process sections on the same database once the server has let go of it, each in a
  // process of its own (bench/section-child.ts), as a server would run them.
  for (const [moduleName, fn] of [['scoring', 'benchScoring'], ['handoff', 'benchHandoff'], ['attribution', 'benchAttribution'], ['reporting', 'benchReporting']] as const) {
    Object.assign(r, await runSectionInChild(moduleName, fn, target, SCALE));
  }
}

async function benchPglite(): Promise<void> {
  const r: Result = {};
  if (!args['only-scoring']) {
    if (!args['only-capture']) Object.assign(r, await benchImport(Number(args['import-rows'])));
    await benchCapture({ memory: true }, r);
  }
  if (args['only-capture']) { results.push({ engine: 'pglite', result: r }); return; }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'truce-bench-pglite-'));
  try { await benchMemory({ dataDir: path.join(dir, 'data') }, r); } finally { rmSync(dir, { recursive: true, force: true }); }
  results.push({ engine: 'pglite', result: r });
}

async function benchPostgres(serverUrl: string, pids?: () => number[]): Promise<void> {
  const r: Result = {};
  if (!args['only-scoring']) {
    if (!args['only-capture']) {
      const imp = await scratchDatabase(serverUrl, 'import');
      try { Object.assign(r, await benchImport(Number(args['import-rows']), imp.url)); } finally { await imp.drop(); }
    }
    const cap = await scratchDatabase(serverUrl, 'capture');
    try { await benchCapture({ databaseUrl: cap.url }, r, pids); } finally { await cap.drop(); }
  }
  if (args['only-capture']) { results.push({ engine: 'postgres', result: r }); return; }
  const demo = await scratchDatabase(serverUrl, 'demo');
  try { await benchMemory({ databaseUrl: demo.url }, r, pids); } finally { await demo.drop(); }
  results.push({ engine: 'postgres', result: r });
}

let pgMissing: string | null = null;

async function main() {
  process.stdout.write(`Truce bench: ${BATCHES} × 10,000-touch batches, ${FORMS} form posts, memory with the ${SCALE} demo company, ` +
    `node ${process.version}, ${os.cpus().length} CPUs, ${new Date().toISOString().slice(0, 10)}\n`);
  if (!args.large) process.stdout.write('Memory is measured with the default demo (20,000 people); --large loads the large one (200,000 people, 2,000,000 touches; minutes).\n');
  const before = await machineSpeed();
  process.stdout.write(`Machine speed at the start: ${speed(before)}\n`);
  if (!args.only || args.only === 'pglite') await benchPglite();
  if (!args.only || args.only === 'postgres') {
    const given = process.env.TRUCE_BENCH_DATABASE_URL;
    const scratch = given ? null : await startScratchPostgres();
    if (typeof scratch === 'string') {
      pgMissing = `PostgreSQL NOT measured: ${scratch}. Install PostgreSQL or set TRUCE_BENCH_DATABASE_URL.`;
      process.stdout.write(`\n${pgMissing}\n`);
    } else {
      try { await benchPostgres(given ?? scratch!.url, scratch?.pids); } finally { scratch?.stop(); }
    }
  }
  const keys = [...new Set(results.flatMap((r) => Object.keys(r.result)))];
  if (keys.length > 0) {
    const width = Math.max(...keys.map((k) => k.length));
    process.stdout.write(`\n${'metric'.padEnd(width)}  ${results.map((r) => r.engine.padStart(10)).join('  ')}\n`);
    for (const k of keys) process.stdout.write(`${k.padEnd(width)}  ${results.map((r) => (r.result[k] ?? '').padStart(10)).join('  ')}\n`);
  }
  if (pgMissing) process.stdout.write(`\n${pgMissing}\n`);
  process.stdout.write('\nTargets: ingest ≥ 20,000/s PGlite, ≥ 50,000/s PostgreSQL; form p99 < 20 ms; a hand-raise form post to its stored assignment p99 < 50 ms (PGlite); rescoring the large demo < 10 s (PGlite); one person scored after a touch p99 < 5 ms; server RSS with the large demo < 1 GB (PGlite), < 300 MB (PostgreSQL, database server apart).\n');
  if (!args.large) process.stdout.write('Memory above is with the DEFAULT demo, not the large one the RSS targets name: run `npm run bench -- --large` for those.\n');
  process.stdout.write(`Machine speed at the start: ${speed(before)}; at the end: ${speed(await machineSpeed())} (lower is faster; see docs/bench.md, "The machine's speed").\n`);
}

function speed(s: MachineSpeed): string {
  return `CPU probe ${fmt(s.cpuMs, 0)} ms, memory probe ${fmt(s.memoryMs, 0)} ms, thread wake-up round trip p50 / p99 ${fmt(s.wakeP50Us, 0)} / ${fmt(s.wakeP99Us, 0)} µs`;
}

await main();
