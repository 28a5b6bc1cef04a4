import { hash } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import { queryPrepared } from '../../db/prepared.js';
import type { Ctx } from '../shared/context.js';
import { checkTransition } from '../lifecycle/lifecycle-rules.js';
import { advanceScores } from './advance-scores.js';
import { loadScoringFacts } from './load-scoring-facts.js';
import { HAND_RAISE_KINDS, type LifecycleStage } from '../../db/schema/vocabulary.js';
import { scoreCore, type ScoreCore, type TouchFact } from './score-person.js';
import type { ScoringDefinition } from './scoring-model.schema.js';
import type { ScoringModel } from './scoring-model-api.schema.js';
import { cachedLiveModel, parsedDefinition } from './live-model-cache.js';

/** The stages a score or a hand-raise may lift to MQL (later stages belong to the hand-off). */
const BEFORE_MQL = new Set(['subscriber', 'lead']);
/** Off-path stages a person re-enters from (counted again, marked as a re-entry). */
const BACK = new Set(['recycled', 'disqualified']);

function latestHandRaise(touches: readonly TouchFact[]): Date | null {
  for (let i = touches.length - 1; i >= 0; i--) if (HAND_RAISE_KINDS.includes(touches[i]!.kind)) return touches[i]!.occurredAt;
  return null;
}

export type ScoreRun = { scored: number; becameMql: number };
/** A move to MQL the score (or a hand-raise) makes: person, from stage, when, why, whether a re-entry. */
export type MqlMove = { p: string; f: LifecycleStage; at: string; r: string; re: boolean };

/**
 * Whether this score moves the person to MQL, and how: only from subscriber or lead, or from
 * recycled/disqualified by raising a hand again after leaving. `touches` in time order.
 */
export function mqlMove(def: ScoringDefinition, personId: string, stage: LifecycleStage, stageSince: Date | null, touches: readonly TouchFact[], s: Pick<ScoreCore, 'mqlReason' | 'handRaiseAt' | 'total'>, now: Date): MqlMove | null {
  if (!s.mqlReason || !checkTransition(stage, 'mql').ok) return null;
  // A recycled or disqualified person comes back only by raising a hand again, after leaving.
  const lastRaise = BACK.has(stage) ? latestHandRaise(touches) : null;
  const comeback = !!lastRaise && (!stageSince || lastRaise > stageSince);
  if (!BEFORE_MQL.has(stage) && !comeback) return null;
  const at = comeback ? lastRaise.toISOString() : s.mqlReason === 'hand_raise' && s.handRaiseAt ? s.handRaiseAt : now.toISOString();
  const reason = comeback ? 'hand-raise (came back)' : s.mqlReason === 'hand_raise' ? 'hand-raise' : `score ${s.total} ≥ ${def.mqlThreshold}`;
  return { p: personId, f: stage, at, r: reason, re: comeback };
}

/**
 * One score as it travels to the database (see writeScores): figures, `parts` as an array literal,
 * the stored explanation as JSON text `x` with its digest `xd`, and `d`, the digest of it all.
 */
export type ScoreRow = { p: string; fit: number; e: number; t: number; g: string; m: string | null; parts: string; due: string | null; x: string; xd: string; d: string; tt: string | null };
/**
 * What is stored of a person's score, to compare with: its digest and its explanation's, and
 * whether it says how far its touches go (`tt` false: a score stored before touched_through was
 * kept, rewritten once to say it; undefined: not read).
 */
export type StoredDigests = { d: string; xd: string | null; tt?: boolean };

const md5 = (text: string) => hash('md5', text, 'base64');

/** The digest of a score: the model, the figures, the explanation's digest and the due time (everything stored but the time). */
export function scoreDigest(modelId: string, fit: number, e: number, t: number, g: string, m: string | null, xd: string, due: string | null): string {
  return md5(`${modelId}|${fit}|${e}|${t}|${g}|${m}|${xd}|${due}`);
}

/** The score to store, with its digests. */
export function scoreRow(model: ScoringModel, personId: string, s: ScoreCore): ScoreRow {
  const x = JSON.stringify(s.rules);
  const xd = md5(x);
  return {
    p: personId, fit: s.fit, e: s.engagement, t: s.total, g: s.grade, m: s.mqlReason, parts: `{${s.parts.join(',')}}`, due: s.dueAt,
    x, xd, d: scoreDigest(model.id, s.fit, s.engagement, s.total, s.grade, s.mqlReason, xd, s.dueAt), tt: s.touchedThrough,
  };
}

const SEPARATOR = '\x1e';
const col = <R, T>(rows: readonly R[], pick: (r: R) => T) => sql.param(rows.map(pick));

/** Scores as a set of rows in SQL: one array per column. */
function scoreSet(rows: readonly ScoreRow[]) {
  const c = <T,>(pick: (r: ScoreRow) => T) => col(rows, pick);
  return sql`unnest(${c((r) => r.p)}::uuid[], ${c((r) => r.fit)}::float8[], ${c((r) => r.e)}::float8[], ${c((r) => r.t)}::float8[],
    ${c((r) => r.g)}::text[], ${c((r) => r.m)}::text[], ${c((r) => r.d)}::text[], ${c((r) => r.xd)}::text[], ${c((r) => r.parts)}::text[],
    ${c((r) => r.due)}::timestamptz[], ${c((r) => r.tt)}::timestamptz[]) as r(p, fit, e, t, g, m, d, xd, parts, due, tt)`;
}

/** Explanations as a set of rows: the ids as an array, the JSON texts as one text split in the database (JSON never holds \x1e). */
function explanationSet(rows: readonly ScoreRow[]) {
  return sql`unnest(${col(rows, (r) => r.p)}::uuid[], string_to_array(${rows.length ? rows.map((r) => r.x).join(SEPARATOR) : null}::text, ${SEPARATOR}::text)) as r(p, x)`;
}

/**
 * One statement (atomic on its own): store the scores that changed and make the MQL moves. A
 * score whose digest is the stored one (`stored`: read with the facts, null when none was stored)
 * is not sent at all, and the statement skips one whose stored digest matches by then; so
 * `scored_at` is when the score last changed. Its explanation is written only when the
 * explanation itself changed (a score that only decayed keeps it). A score stored before is
 * rewritten by a plain UPDATE (cheaper than an upsert, which locks the row first), the others are
 * upserted. The stage is re-checked in the UPDATE of people so a concurrent hand-off is never
 * overwritten. Nothing changed and no move: no statement.
 */
export async function writeScores(ctx: Ctx, model: ScoringModel, now: Date, all: readonly ScoreRow[], moves: MqlMove[], stored?: (row: ScoreRow, k: number) => StoredDigests | null | undefined): Promise<void> {
  const known: ScoreRow[] = [];
  const fresh: ScoreRow[] = [];
  const explained: ScoreRow[] = [];
  const explainedAnew: ScoreRow[] = [];
  all.forEach((r, k) => {
    const before = stored?.(r, k) ?? null;
    if (before === null) { fresh.push(r); explainedAnew.push(r); return; }
    if (before.d === r.d && (before.tt !== false || r.tt === null)) return;
    known.push(r);
    if (before.xd === null) explainedAnew.push(r);
    else if (before.xd !== r.xd) explained.push(r);
  });
  if (known.length === 0 && fresh.length === 0 && moves.length === 0) return;
  if (known.length === 1 && fresh.length === 0 && explainedAnew.length === 0 && moves.length === 0) return rewriteOne(ctx, model, now, known[0]!, explained.length === 1);
  // Only the parts with rows (a lone score is one UPDATE: less to plan, no statement triggers on
  // stage_transitions firing for nothing).
  const parts: SQL[] = [];
  if (known.length) parts.push(sql`rewritten as (
      update person_scores s set model_id = ${model.id}::uuid, fit = r.fit, engagement = r.e, total = r.t, grade = r.g, mql_reason = r.m,
        scored_at = case when s.digest is distinct from r.d then ${now}::timestamptz else s.scored_at end,
        digest = r.d, explanation_digest = r.xd, parts = r.parts::float8[], due_at = r.due, touched_through = r.tt
      from ${scoreSet(known)}
      where s.person_id = r.p and (s.digest is distinct from r.d or (s.touched_through is null and r.tt is not null))
      returning 1)`);
  if (fresh.length) parts.push(sql`scores as (
      insert into person_scores as s (person_id, model_id, fit, engagement, total, grade, mql_reason, scored_at, digest, explanation_digest, parts, due_at, touched_through)
      select r.p, ${model.id}::uuid, r.fit, r.e, r.t, r.g, r.m, ${now}::timestamptz, r.d, r.xd, r.parts::float8[], r.due, r.tt
      from ${scoreSet(fresh)}
      on conflict (person_id) do update set model_id = excluded.model_id, fit = excluded.fit, engagement = excluded.engagement,
        total = excluded.total, grade = excluded.grade, mql_reason = excluded.mql_reason, scored_at = excluded.scored_at,
        digest = excluded.digest, explanation_digest = excluded.explanation_digest, parts = excluded.parts, due_at = excluded.due_at,
        touched_through = excluded.touched_through
      where s.digest is distinct from excluded.digest
      returning 1)`);
  if (explained.length) parts.push(sql`explained as (
      update person_score_explanations x set explanation = r.x::jsonb
      from ${explanationSet(explained)}
      where x.person_id = r.p
      returning 1)`);
  if (explainedAnew.length) parts.push(sql`explained_anew as (
      insert into person_score_explanations as x (person_id, explanation)
      select r.p, r.x::jsonb from ${explanationSet(explainedAnew)}
      on conflict (person_id) do update set explanation = excluded.explanation
      returning 1)`);
  const last = moves.length === 0 ? sql`select 1` : sql`insert into stage_transitions (person_id, from_stage, to_stage, occurred_at, actor_type, actor_id, reason, model_id, is_reentry)
    select id, f, 'mql', at, 'system', ${`scoring:v${model.version}`}, r, ${model.id}::uuid, re from moved`;
  if (moves.length) parts.push(sql`moved as (
      update people p set lifecycle_stage = 'mql', updated_at = ${now}::timestamptz
      from json_to_recordset(${JSON.stringify(moves)}::json) as m(p uuid, f text, at timestamptz, r text, re boolean)
      where p.id = m.p and p.lifecycle_stage = m.f
      returning p.id, m.f, m.at, m.r, m.re)`);
  await ctx.db.execute(sql`with ${sql.join(parts, sql`, `)} ${last}`);
}

/** The commonest write (one person's score moved by a touch): a prepared statement, planned once per connection. */
async function rewriteOne(ctx: Ctx, model: ScoringModel, now: Date, r: ScoreRow, explained: boolean): Promise<void> {
  await queryPrepared(ctx.db, 'truce_rewrite_score', `
    with rewritten as (
      update person_scores set model_id = $2, fit = $3, engagement = $4, total = $5, grade = $6, mql_reason = $7,
        scored_at = case when digest is distinct from $9 then $8 else scored_at end,
        digest = $9, explanation_digest = $10, parts = $11::float8[], due_at = $12, touched_through = $14
      where person_id = $1 and (digest is distinct from $9 or (touched_through is null and $14::timestamptz is not null))
      returning 1)
    update person_score_explanations set explanation = $13::jsonb where person_id = $1 and $13::text is not null`,
  [r.p, model.id, r.fit, r.e, r.t, r.g, r.m, now, r.d, r.xd, r.parts, r.due, explained ? r.x : null, r.tt]);
}

export type ScoreOptions = {
  /** False: scores only, no MQL moves (a back-test, the bench). */
  moveStages?: boolean;
  /** When each person's earliest touch captured just now happened (see advance-scores.ts). */
  firstAt?: ReadonlyMap<string, Date>;
};

/**
 * Scores these people under the live model (or the one given), stores each score with its
 * explanation, and moves to MQL those whose score crossed the threshold or who raised a hand,
 * recording the model that caused it. Set-based: one read, one statement writing scores and moves.
 * People touched just now (`firstAt`) are first advanced from their stored scores (advance-scores.ts).
 * (Everyone at once goes through rescore-all.ts, which reads the population in bulk.)
 */
export async function scorePeople(ctx: Ctx, personIds: string[], model?: ScoringModel | null, options: ScoreOptions = {}): Promise<ScoreRun> {
  const live = model === undefined ? await cachedLiveModel(ctx) : model;
  if (!live || personIds.length === 0) return { scored: 0, becameMql: 0 };
  const def = parsedDefinition(live);
  const now = ctx.clock.now();
  // Touches captured just now are added to the stored scores they follow; the rest read every touch.
  const rest = options.firstAt?.size ? await advanceScores(ctx, live, def, personIds, options.firstAt) : personIds;
  const advanced = personIds.length - rest.length;
  if (rest.length === 0) return { scored: advanced, becameMql: 0 };
  const subjects = await loadScoringFacts(ctx.db, rest);
  const records: ScoreRow[] = [];
  const moves: MqlMove[] = [];
  const digests = new Map<string, StoredDigests | null>();
  for (const x of subjects) {
    const s = scoreCore(def, x.facts, x.touches, now);
    records.push(scoreRow(live, x.personId, s));
    digests.set(x.personId, x.digest);
    const move = options.moveStages === false ? null : mqlMove(def, x.personId, x.stage, x.stageSince, x.touches, s, now);
    if (move) moves.push(move);
  }
  await writeScores(ctx, live, now, records, moves, (r) => digests.get(r.p));
  return { scored: advanced + records.length, becameMql: moves.length };
}
