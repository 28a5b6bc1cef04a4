import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { percentile } from './stats.js';

/**
 * How fast the machine runs right now, measured by fixed work, so figures from runs at different
 * times can be compared: a shared machine's speed changes from one hour to the next (its host's
 * load), and every figure of a run moves with it. Three probes:
 * - `cpu`: 200,000,000 steps of integer arithmetic (one core, no memory traffic), best of five;
 * - `memory`: 5,000,000 dependent reads at random over 64 MB (what a database does when its data
 *   is not in the processor's cache), best of five;
 * - `wake`: 3,000 one-byte round trips between this thread and a worker thread over a unix socket
 *   (what every query to embedded PGlite takes), p50 and p99: each side sleeps until the other
 *   writes, so this is how long a sleeping thread takes to run again.
 * About 6 s in all. The figures are of this machine only; docs/bench.md says what they were when
 * the recorded figures were taken.
 */
export type MachineSpeed = { cpuMs: number; memoryMs: number; wakeP50Us: number; wakeP99Us: number };

const READS = 5_000_000;
const CELLS = 1 << 24;

export async function machineSpeed(): Promise<MachineSpeed> {
  const cycle = randomCycle(CELLS);
  const cpu: number[] = [];
  const memory: number[] = [];
  for (let round = 0; round < 7; round++) {
    let t0 = performance.now();
    arithmetic();
    const c = performance.now() - t0;
    t0 = performance.now();
    chase(cycle, READS);
    const m = performance.now() - t0;
    if (round > 1) { cpu.push(c); memory.push(m); } // the first rounds compile the loops
  }
  const wake = await roundTrips(3_000);
  return { cpuMs: Math.min(...cpu), memoryMs: Math.min(...memory), wakeP50Us: percentile(wake, 50) * 1000, wakeP99Us: percentile(wake, 99) * 1000 };
}

/** Round trips of one byte to an echoing worker thread over a unix socket, ms each (after 200 not counted). */
async function roundTrips(n: number): Promise<number[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'truce-wake-'));
  const socketPath = path.join(dir, 'echo.sock');
  const worker = new Worker(`
    const net = require('node:net');
    const { parentPort, workerData } = require('node:worker_threads');
    const server = net.createServer((s) => s.on('data', (d) => s.write(d)));
    server.listen(workerData, () => parentPort.postMessage('ready'));
    parentPort.on('message', () => server.close(() => parentPort.postMessage('closed')));`, { eval: true, workerData: socketPath });
  try {
    await new Promise((resolve) => worker.once('message', resolve));
    const socket = net.connect(socketPath);
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.setNoDelay(true);
    const times: number[] = [];
    const one = Buffer.from([1]);
    for (let i = -200; i < n; i++) {
      const t0 = performance.now();
      await new Promise((resolve) => { socket.once('data', resolve); socket.write(one); });
      if (i >= 0) times.push(performance.now() - t0);
    }
    socket.destroy();
    worker.postMessage('close');
    await new Promise((resolve) => worker.once('message', resolve));
    return times;
  } finally {
    await worker.terminate();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The bound is a constant: with it as a parameter V8 keeps this loop in a slower tier (~4x). */
function arithmetic(): number {
  let x = 0;
  for (let i = 0; i < 200_000_000; i++) x = (x * 31 + i) | 0;
  return x;
}

function chase(cycle: Int32Array, reads: number): number {
  let j = 0;
  for (let i = 0; i < reads; i++) j = cycle[j]!;
  return j;
}

/** One cycle through every cell in a fixed random order (Sattolo's shuffle, a fixed seed). */
function randomCycle(n: number): Int32Array {
  const a = new Int32Array(n);
  for (let i = 0; i < n; i++) a[i] = i;
  let seed = 12_345;
  for (let i = n - 1; i > 0; i--) {
    seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
    const j = Math.floor((seed / 4_294_967_296) * i);
    const t = a[i]!; a[i] = a[j]!; a[j] = t;
  }
  return a;
}
