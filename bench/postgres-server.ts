import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, chownSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A throwaway PostgreSQL server for the benchmark, from the machine's binaries, if any. */
export function startScratchPostgres(): { url: string; stop: () => void; pids: () => number[] } | null {
  const bin = findBin();
  if (!bin) return null;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'truce-bench-pg-'));
  const asRoot = process.getuid?.() === 0;
  const run = (args: string[]) => {
    if (asRoot) {
      const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
      chownSync(dir, uid, uid);
      const r = spawnSync('su', ['postgres', '-c', args.map((a) => `'${a}'`).join(' ')], { stdio: 'pipe' });
      if (r.status !== 0) throw new Error(r.stderr.toString());
    } else execFileSync(args[0]!, args.slice(1), { stdio: 'pipe' });
  };
  const port = 55000 + Math.floor(Math.random() * 400);
  run([path.join(bin, 'initdb'), '-D', path.join(dir, 'data'), '-A', 'trust', '-U', 'postgres']);
  run([path.join(bin, 'pg_ctl'), '-D', path.join(dir, 'data'), '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c shared_buffers=256MB`, '-w', 'start']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      try { run([path.join(bin, 'pg_ctl'), '-D', path.join(dir, 'data'), '-m', 'fast', 'stop']); } finally { rmSync(dir, { recursive: true, force: true }); }
    },
    pids: () => postgresPids(path.join(dir, 'data')),
  };
}

function findBin(): string | null {
  const candidates = existsSync('/usr/lib/postgresql')
    ? readdirSync('/usr/lib/postgresql').sort().reverse().map((v) => `/usr/lib/postgresql/${v}/bin`) : [];
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

/** Resident memory of processes in MB (PSS would be fairer for shared buffers; RSS is an upper bound). */
export function rssMb(pids: number[]): number {
  let kb = 0;
  for (const pid of pids) {
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      kb += Number(m?.[1] ?? 0);
    } catch { /* gone */ }
  }
  return kb / 1024;
}
