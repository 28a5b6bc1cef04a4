import { hash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../shared/context.js';
import { checkTransition } from '../lifecycle/lifecycle-rules.js';
import { loadScoringFacts } from './load-scoring-facts.js';
import { HAND_RAISE_KINDS, type LifecycleStage } from '../../db/schema/vocabulary.js';
import { scorePerson, type PersonScore, type TouchFact } from './score-person.js';
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
export function mqlMove(def: ScoringDefinition, personId: string, stage: LifecycleStage, stageSince: Date | null, touches: readonly TouchFact[], s: PersonScore, now: Date): MqlMove | null {
  if (!s.mqlReason || !checkTransition(stage, 'mql').ok) return null;
  // A recycled or disqualified person comes back only by raising a hand again, after leaving.
  const lastRaise = BACK.has(stage) ? latestHandRaise(touches) : null;
  const comeback = !!lastRaise && (!stageSince || lastRaise > stageSince);
  if (!BEFORE_MQL.has(stage) && !comeback) return null;
  const at = comeback ? lastRaise.toISOString() : s.mqlReason === 'hand_raise' && s.handRaiseAt ? s.handRaiseAt : now.toISOString();
  const reason = comeback ? 'hand-raise (came back)' : s.mqlReason === 'hand_raise' ? 'hand-raise' : `score ${s.total} ≥ ${def.mqlThreshold}`;
  return { p: personId, f: stage, at, r: reason, re: comeback };
}

/** One score as it travels to the database (see writeScores); the explanation as JSON text, `d` its digest. */
export type ScoreRow = { p: string; fit: number; e: number; t: number; g: string; m: string | null; x: string; d: string };

/** The score to store, with its digest: a hash of the model and of everything stored but the time. */
export function scoreRow(model: ScoringModel, personId: string, s: PersonScore): ScoreRow {
  const x = JSON.stringify(s.explanation);
  const d = hash('md5', `${model.id}|${s.fit}|${s.engagement}|${s.total}|${s.grade}|${s.mqlReason}|${x}`, 'base64');
  return { p: personId, fit: s.fit, e: s.engagement, t: s.total, g: s.grade, m: s.mqlReason, x, d };
}

const SEPARATOR = '\x1e';

/** Scores as a set of rows in SQL: one array per column, the explanations one text split in the database. */
function scoreSet(rows: readonly ScoreRow[]) {
  const col = <T,>(pick: (r: ScoreRow) => T) => sql.param(rows.map(pick));
  return sql`unnest(${col((r) => r.p)}::uuid[], ${col((r) => r.fit)}::float8[], ${col((r) => r.e)}::float8[], ${col((r) => r.t)}::float8[],
    ${col((r) => r.g)}::text[], ${col((r) => r.m)}::text[], ${col((r) => r.d)}::text[],
    string_to_array(${rows.length ? rows.map((r) => r.x).join(SEPARATOR) : null}::text, ${SEPARATOR}::text)) as r(p, fit, e, t, g, m, d, x)`;
}
/**
 * One statement (atomic on its own): store the scores that changed and make the MQL moves. A
 * score whose digest is the stored one (`stored`: read with the facts, null when none was stored)
 * is not sent at all, and the statement skips one whose stored digest matches by then; so
 * `scored_at` is when the score last changed. A score stored before is rewritten by a plain UPDATE
 * (cheaper than an upsert, which locks the row first), the others are upserted. The stage is
 * re-checked in the UPDATE of people so a concurrent hand-off is never overwritten. Scores travel
 * as one array per column, the explanations as one text split in the database (JSON text never
 * holds the separator \x1e): each byte parsed once, not three times as a JSON record set would.
 * Nothing changed and no move: no statement.
 */
export async function writeScores(ctx: Ctx, model: ScoringModel, now: Date, all: readonly ScoreRow[], moves: MqlMove[], stored?: (row: ScoreRow, k: number) => string | null | undefined): Promise<void> {
  const known: ScoreRow[] = [];
  const fresh: ScoreRow[] = [];
  all.forEach((r, k) => {
    const before = stored?.(r, k) ?? null;
    if (before === null) fresh.push(r);
    else if (before !== r.d) known.push(r);
  });
  if (known.length === 0 && fresh.length === 0 && moves.length === 0) return;
  await ctx.db.execute(sql`
    with rewritten as (
      update person_scores s set model_id = ${model.id}::uuid, fit = r.fit, engagement = r.e, total = r.t, grade = r.g, mql_reason = r.m,
        explanation = r.x::jsonb, scored_at = ${now}::timestamptz, digest = r.d
      from ${scoreSet(known)}
      where s.person_id = r.p and s.digest is distinct from r.d
      returning 1),
    scores as (
      insert into person_scores as s (person_id, model_id, fit, engagement, total, grade, mql_reason, explanation, scored_at, digest)
      select r.p, ${model.id}::uuid, r.fit, r.e, r.t, r.g, r.m, r.x::jsonb, ${now}::timestamptz, r.d
      from ${scoreSet(fresh)}
      on conflict (person_id) do update set model_id = excluded.model_id, fit = excluded.fit, engagement = excluded.engagement,
        total = excluded.total, grade = excluded.grade, mql_reason = excluded.mql_reason, explanation = excluded.explanation,
        scored_at = excluded.scored_at, digest = excluded.digest
      where s.digest is distinct from excluded.digest
      returning 1),
    moved as (
      update people p set lifecycle_stage = 'mql', updated_at = ${now}::timestamptz
      from json_to_recordset(${JSON.stringify(moves)}::json) as m(p uuid, f text, at timestamptz, r text, re boolean)
      where p.id = m.p and p.lifecycle_stage = m.f
      returning p.id, m.f, m.at, m.r, m.re)
    insert into stage_transitions (person_id, from_stage, to_stage, occurred_at, actor_type, actor_id, reason, model_id, is_reentry)
    select id, f, 'mql', at, 'system', ${`scoring:v${model.version}`}, r, ${model.id}::uuid, re from moved`);
}

/**
 * Scores these people under the live model (or the one given), stores each score with its
 * explanation, and moves to MQL those whose score crossed the threshold or who raised a hand,
 * recording the model that caused it. Set-based: one read, one statement writing scores and moves.
 * (Everyone at once goes through rescore-all.ts, which reads the population in bulk.)
 */
export async function scorePeople(ctx: Ctx, personIds: string[], model?: ScoringModel | null, options: { moveStages?: boolean } = {}): Promise<ScoreRun> {
  const live = model === undefined ? await cachedLiveModel(ctx) : model;
  if (!live || personIds.length === 0) return { scored: 0, becameMql: 0 };
  const def = parsedDefinition(live);
  const now = ctx.clock.now();
  const subjects = await loadScoringFacts(ctx.db, personIds);
  const records: ScoreRow[] = [];
  const moves: MqlMove[] = [];
  const digests = new Map<string, string | null>();
  for (const x of subjects) {
    const s = scorePerson(def, x.facts, x.touches, now);
    records.push(scoreRow(live, x.personId, s));
    digests.set(x.personId, x.digest);
    const move = options.moveStages === false ? null : mqlMove(def, x.personId, x.stage, x.stageSince, x.touches, s, now);
    if (move) moves.push(move);
  }
  await writeScores(ctx, live, now, records, moves, (r) => digests.get(r.p));
  return { scored: records.length, becameMql: moves.length };
}
