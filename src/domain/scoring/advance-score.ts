import { HAND_RAISE_KINDS, type LifecycleStage } from '../../db/schema/vocabulary.js';
import {
  cappedPoints, DAY_MS, decayed, engagementAt, fitOf, matches, ruleEntry, settle,
  type PersonFacts, type ScoreCore, type ScoreParts, type StoredRule, type TouchFact,
} from './score-person.js';
import type { ScoringDefinition } from './scoring-model.schema.js';

/** A stored score as advanceScore reads it: its MQL reason, when it falls due, and its stored explanation. */
export type StoredScore = { mqlReason: string | null; dueAt: Date | null; rules: readonly StoredRule[] };

/** Stages a score moves to MQL from (see mqlMove). */
const BEFORE_MQL = new Set<LifecycleStage>(['subscriber', 'lead']);
/** Stages a person comes back to MQL from by raising a hand again after leaving. */
const BACK = new Set<LifecycleStage>(['recycled', 'disqualified']);

/**
 * The score after `newer` touches, from the stored score alone: the touches it was computed from
 * are not read. Holds when every newer touch happened after everything the stored score holds
 * (the caller reads them past its `touched_through`), so each engagement rule goes on from its
 * stored q, latest hit and count exactly as scoreCore would have gone on (the same operations in
 * the same order: the same figures to the last bit, the same explanation text); a rule's cap
 * needs the hits in the new touch's period, which the ten stored hits hold unless the rule hit
 * more often in it. Fit is computed afresh from the facts. Signals follow from the last touch
 * (badge scan), the stored first unsubscribe and the facts (consent).
 *
 * Null when it cannot be told this way, and the person is to be scored from their touches: the
 * stored score falls due (a pending badge-scan signal, a touch dated later), a newer touch is
 * dated after `now`, a cap period with more hits than the stored ones, an explanation stored before
 * it kept q, or a result that could move the person to MQL (the move needs the history): an MQL
 * score or hand-raise of a subscriber or lead, a new hand-raise of a recycled or disqualified person.
 */
export function advanceScore(def: ScoringDefinition, stage: LifecycleStage, facts: PersonFacts, stored: StoredScore, newer: readonly TouchFact[], now: Date): ScoreCore | null {
  const nowMs = now.getTime();
  if (stored.dueAt || newer.length === 0 || newer.some((t) => t.occurredAt.getTime() > nowMs)) return null;
  const before = new Map(stored.rules.map((r) => [r.ruleId, r]));
  const { fit, rules } = fitOf(def, facts);

  const parts: ScoreParts = [fit, 0];
  const engaged: StoredRule[] = [];
  for (const rule of def.engagement) {
    const old = before.get(rule.id);
    const halfLife = rule.halfLifeDays ?? def.halfLifeDays;
    if (old && (old.source !== 'engagement' || old.q === undefined || old.halfLifeDays !== halfLife || old.lastAt === null)) return null;
    let count = old?.count ?? 0;
    let rawPoints = old?.rawPoints ?? 0;
    let q = old?.q ?? 0;
    let lastMs = old?.lastAt ? Date.parse(old.lastAt) : 0;
    // Newest first, as stored.
    const hits = old ? old.hits.map((h) => ({ at: h.at, rawPoints: h.rawPoints, capped: h.capped })) : [];
    let firstAt = old?.firstAt ?? null;
    for (const t of newer) {
      if (!matches(rule, t)) continue;
      const at = t.occurredAt.getTime();
      let raw = rule.points;
      if (rule.cap) {
        const period = rule.cap.periodDays * DAY_MS;
        const bucket = Math.floor(at / period);
        // Every earlier hit of this period must be among the stored ones (the latest ten).
        if (count > hits.length && Math.floor(Date.parse(hits.at(-1)!.at) / period) >= bucket) return null;
        let spent = 0;
        for (let k = hits.length - 1; k >= 0; k--) if (Math.floor(Date.parse(hits[k]!.at) / period) === bucket) spent += Math.abs(hits[k]!.rawPoints);
        raw = cappedPoints(raw, rule.cap.maxPoints, spent);
      }
      const capped = raw !== rule.points;
      q = count === 0 ? raw : decayed(q, lastMs, at, halfLife) + raw;
      lastMs = at;
      if (count === 0) firstAt = t.occurredAt.toISOString();
      count += 1;
      rawPoints += raw;
      hits.unshift({ at: t.occurredAt.toISOString(), rawPoints: raw, capped });
      if (hits.length > 10) hits.pop();
    }
    if (count === 0) continue;
    // The same shape, key for key, as scoreCore's entry: the explanation's text (and digest) is the same.
    engaged.push({ ruleId: rule.id, label: rule.label, source: 'engagement', rawPoints, count, firstAt, lastAt: new Date(lastMs).toISOString(), hits, halfLifeDays: halfLife, q });
    parts.push(halfLife, lastMs, q);
  }

  const { badgeScanOnly, unsubscribed } = def.signals;
  const signals: StoredRule[] = [];
  let dueMs = Infinity;
  const last = newer.at(-1)!;
  if (badgeScanOnly && last.kind === 'badge_scan') {
    const firesAt = last.occurredAt.getTime() + badgeScanOnly.withinDays * DAY_MS;
    if (nowMs >= firesAt) {
      parts[1]! += badgeScanOnly.points;
      signals.push(ruleEntry('badge-scan-only', `Badge scan with nothing in the ${badgeScanOnly.withinDays} days after`, 'signal', badgeScanOnly.points, 1, last.occurredAt.toISOString()));
    } else dueMs = firesAt;
  }
  // The stored entry says when they first unsubscribed (null: opted out without an unsubscribe touch).
  const unsubscribedAt = before.get('unsubscribed')?.firstAt ?? newer.find((t) => t.kind === 'email_unsubscribe')?.occurredAt.toISOString() ?? null;
  if (unsubscribed && (unsubscribedAt || facts.person.consentStatus === 'opted_out')) {
    parts[1]! += unsubscribed.points;
    signals.push(ruleEntry('unsubscribed', 'Unsubscribed or opted out', 'signal', unsubscribed.points, 1, unsubscribedAt));
  }

  const handRaise = newer.find((t) => HAND_RAISE_KINDS.includes(t.kind));
  const st = settle(def, fit, engagementAt(parts, nowMs), stored.mqlReason === 'hand_raise' || !!handRaise);
  // A move to MQL is made from the whole history (when the hand was raised, whether after leaving).
  // A recycled or disqualified person's earlier raises were weighed when they were scored (and the
  // nightly rescore scores such hand-raisers from their touches): only a new raise may bring them back.
  if (st.mqlReason && (BEFORE_MQL.has(stage) || (BACK.has(stage) && handRaise))) return null;
  return {
    fit: st.fit, engagement: st.engagement, total: st.total, grade: st.grade, mqlReason: st.mqlReason,
    // Not known when the stored score's hand-raise happened (nothing here needs it: no move is made).
    handRaiseAt: stored.mqlReason === 'hand_raise' ? null : handRaise?.occurredAt.toISOString() ?? null,
    rules: rules.concat(engaged, signals),
    parts,
    dueAt: dueMs === Infinity ? null : new Date(dueMs).toISOString(),
    touchedThrough: last.occurredAt.toISOString(),
  };
}
