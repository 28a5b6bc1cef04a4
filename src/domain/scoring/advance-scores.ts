import type { Database } from '../../db/client.js';
import { queryPrepared } from '../../db/prepared.js';
import type { Channel, LifecycleStage, TouchKind } from '../../db/schema/vocabulary.js';
import type { Ctx } from '../shared/context.js';
import { advanceScore } from './advance-score.js';
import { FACTS_COLUMNS } from './load-scoring-facts.js';
import { scoreRow, type ScoreRow } from './score-people.js';
import type { StoredRule, TouchFact } from './score-person.js';
import type { ScoringDefinition } from './scoring-model.schema.js';
import type { ScoringModel } from './scoring-model-api.schema.js';

type Row = {
  id: string; stage: LifecycleStage; person: Record<string, unknown>; account: Record<string, unknown> | null;
  model_id: string; digest: string | null; xd: string | null; mql_reason: string | null; due_at: Date | null; tt: Date | null;
  rules: StoredRule[] | null;
  newer: { id: number; at: string; kind: TouchKind; channel: Channel; campaignId: string | null; asset: string | null; properties: Record<string, unknown>; superseding: boolean }[] | null;
};

/**
 * Scores people who have just been touched from their stored scores and the touches newer than
 * them, without reading their history (advance-score.ts): the usual path of a form post or a
 * small batch. `firstAt` says when each person's earliest touch captured just now happened; the
 * stored score must be the live model's and hold everything before it (its `touched_through`
 * earlier), else the person is left for scoring from every touch. Each score is written
 * compare-and-set on the digest read, so one rewritten meanwhile (by another capture, a rescore)
 * is never overwritten from an older state: that person too is left for the full path.
 * Returns the people left.
 */
export async function advanceScores(ctx: Ctx, model: ScoringModel, def: ScoringDefinition, personIds: readonly string[], firstAt: ReadonlyMap<string, Date>): Promise<string[]> {
  const now = ctx.clock.now();
  const candidates = personIds.filter((id) => firstAt.has(id));
  const left = personIds.filter((id) => !firstAt.has(id));
  if (candidates.length === 0) return left;
  // One person (a form post) with a scalar parameter, so the plan is made once (see load-scoring-facts.ts).
  const { rows } = candidates.length === 1
    ? await queryPrepared<Row>(ctx.db, 'truce_advance_one', READ_ONE, [candidates[0]])
    : await queryPrepared<Row>(ctx.db, 'truce_advance_facts', READ, [candidates]);
  const found = new Set<string>();
  for (const r of rows) {
    found.add(r.id);
    const first = firstAt.get(r.id)!;
    const newer = r.newer ?? [];
    const ok = r.model_id === model.id && r.digest !== null && r.xd !== null && r.rules !== null && r.tt !== null
      && first.getTime() > r.tt.getTime() && !newer.some((t) => t.superseding);
    const s = ok ? advanceScore(def, r.stage, { person: r.person, account: r.account },
      { mqlReason: r.mql_reason, dueAt: r.due_at, rules: r.rules! }, newer.map(toTouch), now) : null;
    if (!s) { left.push(r.id); continue; }
    const row = scoreRow(model, r.id, s);
    if (row.d === r.digest) continue; // The touches changed nothing: nothing to write.
    if (!(await rewriteIfUnchanged(ctx.db, model, now, row, r.digest!, row.xd !== r.xd))) left.push(r.id);
  }
  for (const id of candidates) if (!found.has(id)) left.push(id);
  return left;
}

const toTouch = (t: NonNullable<Row['newer']>[number]): TouchFact => ({
  id: t.id, occurredAt: new Date(t.at), kind: t.kind, channel: t.channel, campaignId: t.campaignId, asset: t.asset, properties: t.properties,
});

/**
 * People with a stored score, their facts, the stored score and explanation, and their touches
 * after `touched_through` (a millisecond later: it is kept to the millisecond), with whether a
 * touch corrects or is corrected by another (then the history changed: scored from every touch).
 */
const readOf = (where: string) => `
    select p.id, p.lifecycle_stage as stage, ${FACTS_COLUMNS},
      s.model_id, s.digest, s.explanation_digest as xd, s.mql_reason, s.due_at, s.touched_through as tt, x.explanation as rules,
      (select json_agg(json_build_object('id', t.id, 'at', t.occurred_at, 'kind', t.kind, 'channel', t.channel,
          'campaignId', t.campaign_id, 'asset', t.asset, 'properties', t.properties,
          'superseding', t.corrects_id is not null or t.retracted or exists (select 1 from touchpoints c where c.corrects_id = t.id))
          order by t.occurred_at, t.id)
       from touchpoints t
       where t.person_id = p.id and t.occurred_at >= s.touched_through + interval '1 millisecond') as newer
    from people p join person_scores s on s.person_id = p.id left join accounts a on a.id = p.account_id
      left join person_score_explanations x on x.person_id = p.id
    where ${where}`;
const READ = readOf('p.id = any($1::uuid[])');
const READ_ONE = readOf('p.id = $1::uuid');

/** Stores the score if the stored one is still the one read (its digest); false when it is not. */
async function rewriteIfUnchanged(db: Database, model: ScoringModel, now: Date, r: ScoreRow, was: string, explained: boolean): Promise<boolean> {
  const { rows } = await queryPrepared<{ n: number }>(db, 'truce_advance_score', `
    with rewritten as (
      update person_scores set model_id = $2, fit = $3, engagement = $4, total = $5, grade = $6, mql_reason = $7, scored_at = $8,
        digest = $9, explanation_digest = $10, parts = $11::float8[], due_at = $12, touched_through = $14
      where person_id = $1 and digest = $15
      returning person_id),
    explained as (
      update person_score_explanations x set explanation = $13::jsonb
      from rewritten w where x.person_id = w.person_id and $13::text is not null
      returning 1)
    select (select count(*) from rewritten)::int as n`,
  [r.p, model.id, r.fit, r.e, r.t, r.g, r.m, now, r.d, r.xd, r.parts, r.due, explained ? r.x : null, r.tt, was]);
  return rows[0]!.n === 1;
}
