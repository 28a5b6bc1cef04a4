import { sql } from 'drizzle-orm';
import { to as copyTo } from 'pg-copy-streams';
import type { Ctx } from '../shared/context.js';
import { poolOf } from './load-population.js';
import { scoreDigest } from './score-people.js';
import { engagementAt, settle } from './score-person.js';
import type { ScoringDefinition } from './scoring-model.schema.js';
import type { ScoringModel } from './scoring-model-api.schema.js';

/** Score rows per range read (storage order), and scores per statement written. */
const PAGES = 16_384;
const WRITE_CHUNK = 5_000;

export type DecayRun = {
  /** Scores read and brought to `now` (rewritten or not). */
  decayed: number;
  /** Of those, rewritten (their figures moved). */
  rewritten: number;
  /** People this cannot settle from the parts (the MQL reason changes, or a hand-raiser whose stage a move may change): score them from their touches. */
  rescore: string[];
};

type Changed = { p: string; e: number; t: number; g: string; d: string; old: string };

/**
 * The daily decay of every score the live model made, from the stored parts alone (no touches
 * read, the explanation left as it is): decay is exponential, so each engagement rule's points at
 * `now` follow from its points at its latest hit (engagementAt, the formula full scoring uses, so
 * the figures are the same to the last bit). Scores whose parts no longer hold (`due_at` passed)
 * or that have none are not read here: rescoreAll scores those from their touches. Read in storage
 * order by ranges of pages, in binary COPY; written by chunks, each row only if its digest is still
 * the one read (a score rewritten meanwhile from a new touch is newer and is kept).
 */
export async function decayScores(ctx: Ctx, model: ScoringModel, def: ScoringDefinition, options: { moveStages: boolean; pause: () => Promise<void> }): Promise<DecayRun> {
  const now = ctx.clock.now();
  const nowMs = now.getTime();
  const run: DecayRun = { decayed: 0, rewritten: 0, rescore: [] };
  const handRaisers: string[] = [];
  let changed: Changed[] = [];
  const flush = async () => {
    if (changed.length === 0) return;
    const rows = changed;
    changed = [];
    const c = <T,>(pick: (r: Changed) => T) => sql.param(rows.map(pick));
    await ctx.db.execute(sql`
      update person_scores s set engagement = r.e, total = r.t, grade = r.g, digest = r.d, scored_at = ${now}::timestamptz
      from unnest(${c((r) => r.p)}::uuid[], ${c((r) => r.e)}::float8[], ${c((r) => r.t)}::float8[], ${c((r) => r.g)}::text[],
        ${c((r) => r.d)}::text[], ${c((r) => r.old)}::text[]) as r(p, e, t, g, d, old)
      where s.person_id = r.p and s.digest = r.old`);
  };

  const pages = Number((await ctx.db.execute<{ n: number }>(sql`select (pg_relation_size('person_scores') / current_setting('block_size')::int)::int8 as n`)).rows[0]!.n);
  for (let from = 0; from < pages || from === 0; from += PAGES) {
    const last = from + PAGES >= pages;
    const buf = await readRange(ctx, `copy (select person_id, digest, explanation_digest, mql_reason, parts, engagement, total, grade, due_at from person_scores
      where ctid >= '(${from},0)'::tid${last ? '' : ` and ctid < '(${from + PAGES},0)'::tid`}
        and model_id = '${model.id}' and parts is not null and explanation_digest is not null and digest is not null
        and (due_at is null or due_at > '${now.toISOString()}')) to stdout (format binary)`);
    const parts: number[] = [];
    let o = 19 + buf.readInt32BE(15);
    while (buf.readInt16BE(o) !== -1) {
      o += 2;
      const idAt = o + 4;
      o += 4 + 16;
      let len = buf.readInt32BE(o); o += 4;
      const digest = buf.toString('latin1', o, o + len); o += len;
      len = buf.readInt32BE(o); o += 4;
      const xd = buf.toString('latin1', o, o + len); o += len;
      len = buf.readInt32BE(o); o += 4;
      const reason = len < 0 ? null : buf.toString('latin1', o, o + len); if (len > 0) o += len;
      // float8[] in binary: dimensions, null flag, element type, then per dimension its size and lower bound, then each element (length, 8 bytes).
      len = buf.readInt32BE(o); o += 4;
      const dims = buf.readInt32BE(o);
      const n = dims === 0 ? 0 : buf.readInt32BE(o + 12);
      parts.length = n;
      for (let k = 0, at = o + 12 + dims * 8; k < n; k++, at += 12) parts[k] = buf.readDoubleBE(at + 4);
      o += len;
      o += 4; const engagement = buf.readDoubleBE(o); o += 8;
      o += 4; const total = buf.readDoubleBE(o); o += 8;
      len = buf.readInt32BE(o); o += 4;
      const grade = buf.toString('latin1', o, o + len); o += len;
      len = buf.readInt32BE(o); o += 4;
      // timestamptz in binary: microseconds since 2000-01-01 (the due time is whole milliseconds).
      const due = len < 0 ? null : new Date(Number(buf.readBigInt64BE(o) / 1000n) + 946_684_800_000).toISOString(); if (len > 0) o += len;

      run.decayed++;
      const s = settle(def, parts[0]!, engagementAt(parts, nowMs), reason === 'hand_raise');
      if (s.mqlReason !== reason) { run.rescore.push(uuidAt(buf, idAt)); continue; }
      if (reason === 'hand_raise' && options.moveStages) handRaisers.push(uuidAt(buf, idAt));
      if (s.engagement === engagement && s.total === total && s.grade === grade) continue;
      changed.push({ p: uuidAt(buf, idAt), e: s.engagement, t: s.total, g: s.grade, old: digest, d: scoreDigest(model.id, s.fit, s.engagement, s.total, s.grade, s.mqlReason, xd, due) });
      run.rewritten++;
      if (changed.length >= WRITE_CHUNK) { await flush(); await options.pause(); }
    }
    await flush();
    if (last) break;
    await options.pause();
  }
  // A hand-raiser still before MQL, or recycled or disqualified (who may have come back), is
  // scored from their touches: the move needs them (see mqlMove).
  for (let i = 0; i < handRaisers.length; i += 50_000) {
    const { rows } = await ctx.db.execute<{ id: string }>(sql`select id from people where id = any(${sql.param(handRaisers.slice(i, i + 50_000))}::uuid[])
      and lifecycle_stage in ('subscriber', 'lead', 'recycled', 'disqualified')`);
    for (const r of rows) run.rescore.push(r.id);
  }
  return run;
}

async function readRange(ctx: Ctx, statement: string): Promise<Buffer> {
  const client = await poolOf(ctx.db).connect();
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of client.query(copyTo(statement))) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  } finally {
    client.release();
  }
}

function uuidAt(buf: Buffer, o: number): string {
  const h = buf.toString('hex', o, o + 16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
