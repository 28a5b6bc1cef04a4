/**
 * How fast the machine runs right now, measured by fixed work, so figures from runs at different
 * times can be compared: a shared machine's speed changes from one hour to the next (its host's
 * load), and every figure of a run moves with it. Two probes, each the best of five:
 * - `cpu`: 200,000,000 steps of integer arithmetic (one core, no memory traffic);
 * - `memory`: 5,000,000 dependent reads at random over 64 MB (what a database does when its data
 *   is not in the processor's cache).
 * About 5 s in all. The figures are of this machine only; docs/bench.md says what they were when
 * the recorded figures were taken.
 */
export type MachineSpeed = { cpuMs: number; memoryMs: number };

const READS = 5_000_000;
const CELLS = 1 << 24;

export function machineSpeed(): MachineSpeed {
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
  return { cpuMs: Math.min(...cpu), memoryMs: Math.min(...memory) };
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
