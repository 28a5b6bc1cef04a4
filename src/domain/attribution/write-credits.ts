import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { MODEL_COUNT, SLOTS, type DealCredit } from './credit-deals.js';
import type { TouchColumns } from './load-credit-inputs.js';
import type { RollupRow } from './rollup-cells.js';

/** Both the full recompute's rollup swap and an incremental refresh hold this lock while they write rollups. */
export const ATTRIBUTION_LOCK = 7_270_061;

/**
 * Packs a deal's credit: per touch its id (float64), then per touch the pipeline weights of every
 * model (float32), then, for a won deal only, the revenue weights the same way.
 */
export function packCredits(c: DealCredit, t: TouchColumns): Buffer {
  const n = c.touches.length;
  const won = Boolean(c.deal.isWon && c.deal.closedAt !== null);
  const per = won ? SLOTS : MODEL_COUNT;
  const buf = Buffer.alloc(n * 8 + n * per * 4);
  for (let i = 0; i < n; i++) buf.writeDoubleLE(t.id[c.touches[i]!]!, i * 8);
  const w = new Float32Array(buf.buffer, buf.byteOffset + n * 8, n * per);
  for (let i = 0; i < n; i++) for (let k = 0; k < per; k++) w[i * per + k] = c.weights[i * SLOTS + k]!;
  return buf;
}

export function unpackCredits(buf: Buffer, n: number, won: boolean): { touchIds: number[]; weights: Float32Array } {
  const per = won ? SLOTS : MODEL_COUNT;
  const touchIds = Array.from({ length: n }, (_, i) => buf.readDoubleLE(i * 8));
  const packed = new Float32Array(n * per);
  Buffer.from(packed.buffer).set(buf.subarray(n * 8, n * 8 + n * per * 4));
  const weights = new Float32Array(n * SLOTS);
  for (let i = 0; i < n; i++) for (let k = 0; k < per; k++) weights[i * SLOTS + k] = packed[i * per + k]!;
  return { touchIds, weights };
}

/**
 * Upserts the journeys of these deals, a chunk per statement: the packed credit travels as ONE
 * binary parameter per chunk (cut apart by offsets in SQL), so the bytes are never escaped as
 * text. The source follows the latest ruling on the deal, if any.
 */
export async function writeJourneys(db: Database, credits: DealCredit[], t: TouchColumns, computedAt: Date, onChunk?: (done: number) => void): Promise<void> {
  const CHUNK = 1_000;
  for (let s = 0; s < credits.length; s += CHUNK) {
    const chunk = credits.slice(s, s + CHUNK);
    const blobs = chunk.map((c) => packCredits(c, t));
    const offsets: number[] = [];
    let off = 1;
    for (const b of blobs) { offsets.push(off); off += b.length; }
    const col = <T>(f: (c: DealCredit) => T) => chunk.map(f);
    const pgArray = (values: (string | number | null)[]) => `{${values.map((v) => (v === null ? 'NULL' : `"${String(v)}"`)).join(',')}}`;
    await db.execute(sql`
      insert into attribution_journeys (opportunity_id, amount, pipeline_amount, currency, created_at, won_at, touches, pipeline_touches,
        first_touch_id, lead_creation_touch_id, opportunity_creation_touch_id, closed_won_touch_id,
        computed_source, source, influenced, flags, credits, computed_at)
      select u.id, u.amount, u.pipeline_amount, u.currency, to_timestamp(u.created / 1000.0), to_timestamp(u.won / 1000.0), u.n, u.np, u.ft, u.lc, u.oc, u.cw,
        u.src, coalesce((select d.ruled_source from attribution_disputes d where d.opportunity_id = u.id and d.ruled_source is not null order by d.ruled_at desc limit 1), u.src),
        u.inf, case when u.flags = '' then '{}'::text[] else string_to_array(u.flags, ',') end, substring(${Buffer.concat(blobs)}::bytea from u.off for u.len), ${computedAt.toISOString()}::timestamptz
      from unnest(${pgArray(col((c) => c.deal.id))}::uuid[], ${pgArray(col((c) => c.deal.amount))}::numeric[], ${pgArray(col((c) => c.deal.pipelineAmount))}::numeric[], ${pgArray(col((c) => c.deal.currency))}::text[],
        ${pgArray(col((c) => c.deal.createdAt))}::float8[], ${pgArray(col((c) => (c.deal.isWon ? c.deal.closedAt : null)))}::float8[],
        ${pgArray(col((c) => c.touches.length))}::int[], ${pgArray(col((c) => c.pipelineTouches))}::int[],
        ${pgArray(col((c) => c.milestoneTouchIds.ft))}::int8[], ${pgArray(col((c) => c.milestoneTouchIds.lc))}::int8[],
        ${pgArray(col((c) => c.milestoneTouchIds.oc))}::int8[], ${pgArray(col((c) => c.milestoneTouchIds.cw))}::int8[],
        ${pgArray(col((c) => c.source))}::text[], ${pgArray(col((c) => String(c.influenced)))}::boolean[], ${pgArray(col((c) => c.flags.join(',')))}::text[],
        ${`{${offsets.join(',')}}`}::int[], ${`{${blobs.map((b) => b.length).join(',')}}`}::int[])
        as u(id, amount, pipeline_amount, currency, created, won, n, np, ft, lc, oc, cw, src, inf, flags, off, len)
      on conflict (opportunity_id) do update set amount = excluded.amount, pipeline_amount = excluded.pipeline_amount, currency = excluded.currency, created_at = excluded.created_at,
        won_at = excluded.won_at, touches = excluded.touches, pipeline_touches = excluded.pipeline_touches,
        first_touch_id = excluded.first_touch_id, lead_creation_touch_id = excluded.lead_creation_touch_id,
        opportunity_creation_touch_id = excluded.opportunity_creation_touch_id, closed_won_touch_id = excluded.closed_won_touch_id,
        computed_source = excluded.computed_source, source = excluded.source, influenced = excluded.influenced, flags = excluded.flags,
        credits = excluded.credits, computed_at = excluded.computed_at`);
    onChunk?.(s + chunk.length);
  }
}

/** Inserts rollup rows (added to what is there: a fresh table, or deltas), in chunks. */
export async function addRollups(db: Database, rows: RollupRow[]): Promise<void> {
  const CHUNK = 20_000;
  for (let s = 0; s < rows.length; s += CHUNK) {
    const r = rows.slice(s, s + CHUNK);
    const arr = (f: (x: RollupRow) => string | number) => `{${r.map((x) => { const v = f(x); return typeof v === 'number' ? String(v) : `"${v.replace(/["\\]/g, '\\$&')}"`; }).join(',')}}`;
    await db.execute(sql`
      insert into attribution_rollups (model, stage, dimension, key, month, currency, credit, deals)
      select * from unnest(${arr((x) => x.model)}::text[], ${arr((x) => x.stage)}::text[], ${arr((x) => x.dimension)}::text[], ${arr((x) => x.key)}::text[],
        ${arr((x) => x.month)}::date[], ${arr((x) => x.currency)}::text[], ${arr((x) => x.credit)}::float8[], ${arr((x) => x.deals)}::float8[])
      on conflict (model, stage, dimension, key, month, currency) do update
        set credit = attribution_rollups.credit + excluded.credit, deals = attribution_rollups.deals + excluded.deals`);
  }
}
