import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createScratchDatabase } from '../src/db/scratch-database.js';
import { freePort } from './server-process.js';

export type ScratchPostgres = { url: string; stop: () => void; pids: () => number[] };

/**
 * A throwaway PostgreSQL server for the benchmark, from the machine's binaries. Returns the reason
 * as a string when there is none (no binaries, initdb or start failed), so the bench can say so.
 *
 * `pg_ctl start` gets a log file (`-l`): without one the postmaster inherits pg_ctl's stdout and
 * stderr, and a synchronous spawn with piped output waits for those pipes to close, i.e. forever.
 */
export async function startScratchPostgres(): Promise<ScratchPostgres | string> {
  const bin = findBin();
  if (!bin) return 'no PostgreSQL server binaries (initdb, pg_ctl) found in /usr/lib/postgresql/*/bin, /usr/local/bin or /usr/bin';
  const asRoot = process.getuid?.() === 0;
  let uid: number | null = null;
  if (asRoot) {
    try { uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim()); } catch {
      return 'running as root and there is no "postgres" user to run the server as';
    }
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'truce-bench-pg-'));
  if (uid !== null) chownSync(dir, uid, uid);
  const data = path.join(dir, 'data');
  const run = (args: string[]): string | null => {
    const r = asRoot
      ? spawnSync('su', ['postgres', '-c', args.map((a) => `'${a}'`).join(' ')], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 })
      : spawnSync(args[0]!, args.slice(1), { stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
    if (r.error) return `${path.basename(args[0]!)}: ${r.error.message}`;
    if (r.status !== 0) return `${path.basename(args[0]!)} exited with ${r.status}: ${r.stderr.toString().trim().split('\n').slice(-3).join(' / ')}`;
    return null;
  };
  const port = await freePort();
  const failed = run([path.join(bin, 'initdb'), '-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync'])
    ?? run([path.join(bin, 'pg_ctl'), '-D', data, '-l', path.join(dir, 'server.log'), '-t', '60',
      '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c shared_buffers=256MB`, '-w', 'start']);
  const remove = () => rmSync(dir, { recursive: true, force: true });
  if (failed) {
    run([path.join(bin, 'pg_ctl'), '-D', data, '-m', 'immediate', 'stop']);
    remove();
    return failed;
  }
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try { run([path.join(bin, 'pg_ctl'), '-D', data, '-m', 'fast', '-t', '60', 'stop']); } finally { remove(); }
  };
  // Ctrl-C or a crash of the bench must not leave a postmaster behind.
  process.once('exit', stop);
  // Exit as the signal would have: 128 + its number.
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) process.once(signal, () => { stop(); process.exit(code); });
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop, pids: () => postgresPids(data) };
}

function findBin(): string | null {
  const candidates = existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a)).map((v) => `/usr/lib/postgresql/${v}/bin`) : [];
  candidates.push('/usr/local/bin', '/usr/bin');
  return candidates.find((d) => existsSync(path.join(d, 'initdb')) && existsSync(path.join(d, 'pg_ctl'))) ?? null;
}

function postgresPids(dataDir: string): number[] {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return [];
  const main = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  const all = readdirSync('/proc').filter((p) => /^\d+$/.test(p)).map(Number);
  return all.filter((pid) => {
    if (pid === main) return true;
    try { return Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(' ')[3]) === main; } catch { return false; }
  });
}

/**
 * Memory of the database server's processes in MB: the sum of PSS (shared buffers divided among
 * the processes that touch them), else of RSS (an upper bound: shared memory counted per process).
 */
export function serverMemoryMb(pids: number[]): { mb: number; kind: 'PSS' | 'RSS' } {
  let pss = 0, rss = 0, pssReadable = true;
  for (const pid of pids) {
    try {
      rss += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch { continue; /* gone */ }
    try {
      pss += Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
    } catch { pssReadable = false; }
  }
  return pssReadable ? { mb: pss / 1024, kind: 'PSS' } : { mb: rss / 1024, kind: 'RSS' };
}

/** A fresh database on the server (one per measurement, so they do not mix), dropped by `drop()`. */
export function scratchDatabase(serverUrl: string, label: string): Promise<{ url: string; drop: () => Promise<void> }> {
  return createScratchDatabase(serverUrl, `truce_bench_${label}_${process.pid}`);
}
