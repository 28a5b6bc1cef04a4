import { sql } from 'drizzle-orm';
import type { Ctx } from '../shared/context.js';
import { checkTransition } from '../lifecycle/lifecycle-rules.js';
import { loadScoringFacts } from './load-scoring-facts.js';
import { HAND_RAISE_KINDS } from '../../db/schema/vocabulary.js';
import { scorePerson, type PersonScore, type TouchFact } from './score-person.js';
import type { ScoringModel } from './scoring-model-api.schema.js';
import { cachedLiveModel, parsedDefinition } from './live-model-cache.js';

/** The stages a score or a hand-raise may lift to MQL (later stages belong to the hand-off). */
const BEFORE_MQL = new Set(['subscriber', 'lead']);
/** Off-path stages a person re-enters from (counted again, marked as a re-entry). */
const BACK = new Set(['recycled', 'disqualified']);

function latestHandRaise(touches: TouchFact[]): Date | null {
  const raised = touches.filter((t) => HAND_RAISE_KINDS.includes(t.kind));
  return raised.length ? raised[raised.length - 1]!.occurredAt : null;
}

export type ScoreRun = { scored: number; becameMql: number };

/**
 * Scores these people under the live model (or the one given), stores each score with its
 * explanation, and moves to MQL those whose score crossed the threshold or who raised a hand,
 * recording the model that caused it. Set-based: one read, one upsert, one transition insert.
 */
export async function scorePeople(ctx: Ctx, personIds: string[], model?: ScoringModel | null, options: { moveStages?: boolean } = {}): Promise<ScoreRun> {
  const live = model === undefined ? await cachedLiveModel(ctx) : model;
  if (!live || personIds.length === 0) return { scored: 0, becameMql: 0 };
  const def = parsedDefinition(live);
  const now = ctx.clock.now();
  const subjects = await loadScoringFacts(ctx.db, personIds);
  const scored: { personId: string; s: PersonScore }[] = subjects.map((x) => ({ personId: x.personId, s: scorePerson(def, x.facts, x.touches, now) }));
  const mql = subjects.flatMap((x, i) => {
    const s = scored[i]!.s;
    if (options.moveStages === false || !s.mqlReason || !checkTransition(x.stage, 'mql').ok) return [];
    // A recycled or disqualified person comes back only by raising a hand again, after leaving.
    const lastRaise = latestHandRaise(x.touches);
    const comeback = BACK.has(x.stage) && !!lastRaise && (!x.stageSince || lastRaise > x.stageSince);
    if (!BEFORE_MQL.has(x.stage) && !comeback) return [];
    const at = comeback ? lastRaise!.toISOString() : s.mqlReason === 'hand_raise' && s.handRaiseAt ? s.handRaiseAt : now.toISOString();
    const reason = comeback ? 'hand-raise (came back)' : s.mqlReason === 'hand_raise' ? 'hand-raise' : `score ${s.total} ≥ ${def.mqlThreshold}`;
    return [{ p: x.personId, f: x.stage, at, r: reason, re: comeback }];
  });
  const payload = JSON.stringify(scored.map(({ personId, s }) => ({
    p: personId, fit: s.fit, e: s.engagement, t: s.total, g: s.grade, m: s.mqlReason, x: s.explanation,
  })));
  // One statement (atomic on its own): store the scores and make the MQL moves. The stage is
  // re-checked in the UPDATE so a concurrent hand-off is never overwritten.
  const moves = JSON.stringify(mql);
  await ctx.db.execute(sql`
    with scores as (
      insert into person_scores (person_id, model_id, fit, engagement, total, grade, mql_reason, explanation, scored_at)
      select r.p, ${live.id}::uuid, r.fit, r.e, r.t, r.g, r.m, r.x, ${now}::timestamptz
      from json_to_recordset(${payload}::json) as r(p uuid, fit float8, e float8, t float8, g text, m text, x jsonb)
      on conflict (person_id) do update set model_id = excluded.model_id, fit = excluded.fit, engagement = excluded.engagement,
        total = excluded.total, grade = excluded.grade, mql_reason = excluded.mql_reason, explanation = excluded.explanation,
        scored_at = excluded.scored_at
      returning 1),
    moved as (
      update people p set lifecycle_stage = 'mql', updated_at = ${now}::timestamptz
      from json_to_recordset(${moves}::json) as m(p uuid, f text, at timestamptz, r text, re boolean)
      where p.id = m.p and p.lifecycle_stage = m.f
      returning p.id, m.f, m.at, m.r, m.re)
    insert into stage_transitions (person_id, from_stage, to_stage, occurred_at, actor_type, actor_id, reason, model_id, is_reentry)
    select id, f, 'mql', at, 'system', ${`scoring:v${live.version}`}, r, ${live.id}::uuid, re from moved`);
  return { scored: scored.length, becameMql: mql.length };
}
