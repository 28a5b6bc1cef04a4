import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = ['--import', 'tsx', 'src/cli/main.ts'];

/** Where the server under test keeps its data: embedded PGlite (memory or a folder) or PostgreSQL. */
export type Target = { memory: true } | { dataDir: string } | { databaseUrl: string };

function envFor(target: Target, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', ...extra };
  delete env.DATABASE_URL;
  delete env.TRUCE_MEMORY;
  if ('databaseUrl' in target) env.DATABASE_URL = target.databaseUrl;
  else if ('dataDir' in target) env.TRUCE_DATA_DIR = target.dataDir;
  else env.TRUCE_MEMORY = '1';
  return env;
}

/** Runs `truce demo --scale <scale>` in its own process on the target; resolves with seconds taken. */
export async function loadDemoInChild(target: Target, scale: 'default' | 'large'): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, [...CLI, 'demo', '--scale', scale], { cwd: ROOT, env: envFor(target), stdio: ['ignore', 'pipe', 'pipe'] });
  const tail = collect(child);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`truce demo --scale ${scale} failed (${code}): ${tail()}`);
  return (performance.now() - started) / 1000;
}

/**
 * Runs one in-process section (`bench/<moduleName>.ts`, its function `fn`) in its own process
 * (bench/section-child.ts) on the target; resolves with its figures.
 */
export async function runSectionInChild(moduleName: string, fn: string, target: Target, label: string): Promise<Record<string, string>> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/section-child.ts', moduleName, fn, JSON.stringify(target), label],
    { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => { out += d.toString(); });
  const tail = collect(child);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`bench section ${moduleName} failed (${code}): ${tail()}`);
  return JSON.parse(out.trim().split('\n').at(-1)!) as Record<string, string>;
}

export type ServerProcess = {
  url: string;
  pid: number;
  /** Current and peak (VmHWM) resident memory of the server process, MB. */
  memory(): { rssMb: number; peakMb: number };
  stop(): Promise<void>;
};

/**
 * The server under test runs as its own process (`truce serve`), so its memory is its own and
 * not the bench's (the client's request bodies, the import bench's database).
 */
export async function startServerProcess(target: Target, env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const args = [...CLI, 'serve', '--demo', 'never', '--port', String(port), '--host', '127.0.0.1', ...('memory' in target ? ['--memory'] : [])];
  const child = spawn(process.execPath, args, { cwd: ROOT, env: envFor(target, env), stdio: ['ignore', 'ignore', 'pipe'] });
  const tail = collect(child);
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => { exited = true; resolve(); }));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (exited) throw new Error(`the server exited at start: ${tail()}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) { child.kill('SIGKILL'); throw new Error(`the server did not answer within 120 s: ${tail()}`); }
    await new Promise((r) => setTimeout(r, 200));
  }
  const pid = child.pid!;
  return {
    url, pid,
    memory: () => {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
      return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
    },
    stop: async () => {
      if (exited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exit;
      clearTimeout(timer);
    },
  };
}

function collect(child: ChildProcess): () => string {
  let buf = '';
  const keep = (d: Buffer) => { buf = (buf + d.toString()).slice(-2_000); };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => buf.trim();
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}
