/**
 * `npm run bench`: capture throughput and latency on PGlite and on PostgreSQL, with memory.
 * Options: --batches N (default 20), --forms N (default 500), --import-rows N (default 200,000;
 * 1000000 for the million-row check), --large (load the large demo first and report the
 * server's RSS with it), --only pglite|postgres.
 * PostgreSQL: TRUCE_BENCH_DATABASE_URL, else a scratch server from the machine's binaries.
 */
import { parseArgs } from 'node:util';
import { startServer } from '../src/server.js';
import { benchImport } from './import-stream.js';
import { startScratchPostgres, rssMb } from './postgres-server.js';
import { fmt, peakRss, percentile } from './stats.js';

const { values: args } = parseArgs({
  options: {
    batches: { type: 'string', default: '20' },
    forms: { type: 'string', default: '500' },
    'import-rows': { type: 'string', default: '200000' },
    large: { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});
const BATCHES = Number(args.batches);
const FORMS = Number(args.forms);

type Result = Record<string, string>;
const results: { engine: string; result: Result }[] = [];

function makeBatch(b: number): unknown[] {
  // 10,000 touches from 2,000 people at 400 companies: mostly new people, some returning.
  return Array.from({ length: 10_000 }, (_, i) => {
    const person = (b * 1_500 + (i % 2_000));
    return {
      externalId: `bench-${b}-${i}`,
      occurredAt: new Date(Date.UTC(2026, 0, 1) + (b * 10_000 + i) * 1_000).toISOString(),
      kind: ['page_view', 'email_open', 'email_click', 'content_download', 'webinar_attended'][i % 5],
      email: `person${person}@company${person % 400}.example`,
      ...(i % 10 === 0 ? { person: { firstName: 'Bench', lastName: `P${person}`, companyName: `Company ${person % 400}` } } : {}),
    };
  });
}

/** Signs in as the bench's admin and creates an API key: the capture API needs credentials. */
async function adminKey(url: string, email: string, password: string): Promise<Record<string, string>> {
  const signIn = await fetch(`${url}/api/v1/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (!signIn.ok) throw new Error(`bench sign-in failed: ${signIn.status} ${await signIn.text()}`);
  const cookies = signIn.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const csrf = cookies.find((c) => c.startsWith('truce_csrf='))?.slice('truce_csrf='.length) ?? '';
  const res = await fetch(`${url}/api/v1/api-keys`, {
    method: 'POST', headers: { 'content-type': 'application/json', cookie: cookies.join('; '), 'x-csrf-token': csrf },
    body: JSON.stringify({ name: 'bench', role: 'admin' }),
  });
  if (res.status !== 201) throw new Error(`bench API key failed: ${res.status} ${await res.text()}`);
  const { token } = (await res.json()) as { token: string };
  return { authorization: `Bearer ${token}` };
}

async function benchEngine(engine: 'pglite' | 'postgres', databaseUrl?: string, pgPids?: () => number[]): Promise<void> {
  // The streamed import runs first, on its own database, so the two measurements do not mix.
  const imported = await benchImport(Number(args['import-rows']), databaseUrl);
  const peak = peakRss();
  const adminPassword = `bench-${Math.random().toString(36).slice(2)}-A1`;
  const { url, stop } = await startServer({
    demo: args.large ? 'always' : 'never',
    config: { port: 0, memory: engine === 'pglite', databaseUrl, formRateLimitPerMinute: 1_000_000, logLevel: 'warn', adminEmail: 'bench-admin@truce.local', adminPassword },
  });
  const r: Result = {};
  if (args.large) r['RSS with large demo (MB)'] = fmt(process.memoryUsage.rss() / 1024 / 1024, 0);
  try {
    const auth = await adminKey(url, 'bench-admin@truce.local', adminPassword);
    const formRes = await fetch(`${url}/api/v1/forms`, {
      method: 'POST', headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({ key: 'bench-demo', name: 'Bench demo', kind: 'demo_request' }),
    });
    if (formRes.status !== 201) throw new Error(`form create failed: ${formRes.status} ${await formRes.text()}`);
    const latencies: number[] = [];
    const bodies = Array.from({ length: BATCHES }, (_, b) => JSON.stringify({ touchpoints: makeBatch(b) }));
    const started = performance.now();
    for (const body of bodies) {
      const t0 = performance.now();
      const res = await fetch(`${url}/api/v1/touchpoints`, { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body });
      if (res.status !== 201) throw new Error(`ingest failed: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
      latencies.push(performance.now() - t0);
      process.stderr.write('.');
    }
    const seconds = (performance.now() - started) / 1000;
    r['ingest touches/s'] = fmt((BATCHES * 10_000) / seconds, 0);
    r['ingest p50 ms / 10k'] = fmt(percentile(latencies, 50));
    r['ingest p99 ms / 10k'] = fmt(percentile(latencies, 99));

    const formLat: number[] = [];
    for (let i = 0; i < FORMS; i++) {
      const t0 = performance.now();
      const res = await fetch(`${url}/f/bench-demo`, {
        method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.1.${i % 250}.1` },
        body: JSON.stringify({ email: `hand${i}@raiser${i % 50}.example`, firstName: 'Hand', company: 'Raiser' }),
      });
      if (res.status !== 201) throw new Error(`form failed: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
      formLat.push(performance.now() - t0);
      if (i % 50 === 0) process.stderr.write('f');
    }
    r['form p50 ms'] = fmt(percentile(formLat, 50), 2);
    r['form p99 ms'] = fmt(percentile(formLat, 99), 2);
  } finally {
    r['server peak RSS (MB)'] = fmt(peak.stop(), 0);
    if (pgPids) r['PostgreSQL server RSS (MB, apart)'] = fmt(rssMb(pgPids()), 0);
    await stop();
  }
  results.push({ engine, result: { ...r, ...imported } });
}

let pgMissing: string | null = null;

async function main() {
  process.stdout.write(`Truce bench: ${BATCHES} × 10,000-touch batches, ${FORMS} form posts, node ${process.version}\n`);
  if (!args.only || args.only === 'pglite') await benchEngine('pglite');
  if (!args.only || args.only === 'postgres') {
    const given = process.env.TRUCE_BENCH_DATABASE_URL;
    const scratch = given ? null : await startScratchPostgres();
    if (typeof scratch === 'string') {
      pgMissing = `PostgreSQL NOT measured: ${scratch}. Install PostgreSQL or set TRUCE_BENCH_DATABASE_URL.`;
      process.stdout.write(`\n${pgMissing}\n`);
    } else {
      try { await benchEngine('postgres', given ?? scratch!.url, scratch?.pids); } finally { scratch?.stop(); }
    }
  }
  const keys = [...new Set(results.flatMap((r) => Object.keys(r.result)))];
  const width = Math.max(...keys.map((k) => k.length));
  process.stdout.write(`\n${'metric'.padEnd(width)}  ${results.map((r) => r.engine.padStart(10)).join('  ')}\n`);
  for (const k of keys) process.stdout.write(`${k.padEnd(width)}  ${results.map((r) => (r.result[k] ?? '').padStart(10)).join('  ')}\n`);
  if (pgMissing) process.stdout.write(`\n${pgMissing}\n`);
  process.stdout.write('\nTargets: ingest ≥ 20,000/s PGlite, ≥ 50,000/s PostgreSQL; form p99 < 20 ms; RSS with the large demo < 1 GB (PGlite), < 300 MB (PostgreSQL, server apart).\n');
}

await main();
