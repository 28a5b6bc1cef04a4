import type { Database } from '../../db/client.js';
import type { Ctx } from '../shared/context.js';
import { freeMailDomains } from './free-mail-cache.js';
import { partitionTouches } from './partition-touches.js';
import type { NormalisedTouch } from './touchpoint.schema.js';
import { writeTouchpoints, type WriteResult } from './write-touchpoints.js';

/** Batches smaller than this are written in one part: the split's fixed costs would not pay back. */
export const SPLIT_MIN_TOUCHES = 2_000;

/**
 * Writes a large batch on PostgreSQL as `parts` independent parts, each a full `writeTouchpoints`
 * in its own transaction on its own connection, all at once: one PostgreSQL backend runs on one
 * core, and a batch's statements are row inserts that do not parallelise inside one backend.
 *
 * The parts are cut by company (`partition-touches.ts`: the e-mail's corporate domain, the whole
 * e-mail at a free-mail domain, else the person or account id), so no two parts write the same
 * person, claim the same new domain or insert the same external id: they never wait on each
 * other's rows. Each part records its own batch audit row (part k of n). The answer waits for
 * every part; when a part fails, the request fails with its error and the parts already committed
 * stay (a re-send stores only what is missing: capture is idempotent on externalId).
 *
 * Not split: on PGlite (one session behind the socket: its transactions run one after the other
 * anyway), inside a caller's transaction (one connection), below `SPLIT_MIN_TOUCHES`, or when the
 * split requests already running hold their share of the pool (`SplitGate`): then the batch is
 * written in one part, as before.
 */
export async function writeTouchpointsInParts(ctx: Ctx, touches: NormalisedTouch[], options: { parts: number; minTouches?: number }): Promise<WriteResult> {
  const wanted = Math.floor(options.parts);
  if (ctx.engine !== 'postgres' || !(wanted >= 2) || touches.length < (options.minTouches ?? SPLIT_MIN_TOUCHES)) return writeTouchpoints(ctx, touches);
  const pool = poolOf(ctx.db);
  if (!pool) return writeTouchpoints(ctx, touches);
  const gate = splitGate(pool);
  if (!gate.tryAcquire(wanted)) {
    ctx.log.debug({ touches: touches.length }, 'capture: split requests hold their share of the pool; batch written in one part');
    return writeTouchpoints(ctx, touches);
  }
  try {
    const free = await freeMailDomains(ctx.db);
    const parts = partitionTouches(touches, wanted, (d) => free.has(d));
    if (parts.length < 2) return await writeTouchpoints(ctx, touches);
    const settled = await Promise.allSettled(parts.map((p, k) => writeTouchpoints(ctx, p, { part: { index: k + 1, of: parts.length } })));
    const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) {
      const committed = settled.flatMap((s, k) => (s.status === 'fulfilled' ? [k + 1] : []));
      ctx.log.warn({ parts: parts.length, committed }, 'capture: a part of a split batch failed; the committed parts stay');
      throw failed.reason;
    }
    return sumResults(settled.map((s) => (s as PromiseFulfilledResult<WriteResult>).value));
  } finally {
    gate.release(wanted);
  }
}

export function sumResults(results: WriteResult[]): WriteResult {
  const sum: WriteResult = { created: 0, duplicates: 0, peopleCreated: 0, accountsCreated: 0, personIds: [], firstAt: new Map() };
  const personIds = new Set<string>();
  for (const r of results) {
    sum.created += r.created;
    sum.duplicates += r.duplicates;
    sum.peopleCreated += r.peopleCreated;
    sum.accountsCreated += r.accountsCreated;
    // A known person can be named by id in one part and by e-mail in another.
    for (const id of r.personIds) personIds.add(id);
    for (const [id, at] of r.firstAt) if (!(sum.firstAt.get(id)! <= at)) sum.firstAt.set(id, at);
  }
  sum.personIds = [...personIds];
  return sum;
}

/**
 * Connections split requests may hold at once on one pool: half of it, so the other half always
 * serves everything else (form posts, reads, jobs, batches written in one part). A request that
 * finds too few free writes its batch in one part rather than waiting. (A part never waits for
 * another part's connection: each holds one, and commits and returns it on its own, so parts
 * cannot deadlock the pool among themselves; the gate bounds what split requests take from the
 * rest of the process, so that they cannot starve it of connections.) `TRUCE_CAPTURE_PARTS` above
 * half the pool never splits.
 */
export class SplitGate {
  private held = 0;
  constructor(readonly capacity: number) {}
  tryAcquire(connections: number): boolean {
    if (this.held + connections > this.capacity) return false;
    this.held += connections;
    return true;
  }
  release(connections: number): void {
    this.held = Math.max(0, this.held - connections);
  }
  get inUse(): number { return this.held; }
}

type PoolLike = { options: { max?: number } };

const gates = new WeakMap<PoolLike, SplitGate>();

function splitGate(pool: PoolLike): SplitGate {
  let gate = gates.get(pool);
  if (!gate) gates.set(pool, (gate = new SplitGate(Math.floor((pool.options.max ?? 10) / 2))));
  return gate;
}

/**
 * The connection pool under a database handle opened by `openDatabase` (drizzle's `$client`), or
 * null inside a transaction (which has one connection and no pool).
 */
function poolOf(db: Database): PoolLike | null {
  const client = (db as unknown as { $client?: Partial<PoolLike> & { connect?: unknown } }).$client;
  return client && typeof client.connect === 'function' && client.options ? client as PoolLike : null;
}
