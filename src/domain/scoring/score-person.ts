import { HAND_RAISE_KINDS, type Channel, type TouchKind } from '../../db/schema/vocabulary.js';
import type { Condition, EngagementRule, ScoringDefinition } from './scoring-model.schema.js';

/** What scoring may read of a person: their fields and their account's (custom fields under `custom`). */
export type PersonFacts = {
  person: Record<string, unknown> & { custom?: Record<string, unknown> };
  account: (Record<string, unknown> & { custom?: Record<string, unknown> }) | null;
};
export type TouchFact = {
  id: number | string; occurredAt: Date; kind: TouchKind; channel: Channel;
  campaignId: string | null; asset: string | null; properties: Record<string, unknown>;
};
export type RuleHit = { at: string; rawPoints: number; points: number; capped: boolean };
export type Explanation = {
  ruleId: string; label: string; source: 'fit' | 'engagement' | 'signal';
  /** Points counted now (after decay and caps). */
  points: number;
  /** Points before decay (after caps). */
  rawPoints: number;
  /** What decay took away: rawPoints − points. */
  decayed: number;
  count: number; firstAt: string | null; lastAt: string | null;
  /** The most recent hits (at most 10) of an engagement rule. */
  hits: RuleHit[];
};
export type Grade = `${'A' | 'B' | 'C' | 'D'}${1 | 2 | 3 | 4}`;
export type PersonScore = {
  fit: number; engagement: number; total: number; grade: Grade;
  /** Why the person is (or would be) an MQL: a hand-raise wins over the score. */
  mqlReason: 'hand_raise' | 'score' | null;
  handRaiseAt: string | null;
  explanation: Explanation[];
};

/**
 * A rule's part of a score as it is stored: what does not change as time passes, so a score that
 * only decays keeps its stored explanation. Fit rules and signals carry their `points`; an
 * engagement rule carries its half-life and `q`, its points as of its latest hit (points at time t
 * are q × 0.5^((t − lastAt) / halfLife): decay is exponential, so nothing else is needed).
 */
export type StoredRule = Omit<Explanation, 'points' | 'decayed' | 'hits'> & {
  points?: number; halfLifeDays?: number; q?: number;
  hits: Array<Omit<RuleHit, 'points'> & { points?: number }>;
};

/**
 * What a score is made of, as numbers: `[fit, signals, then for each engagement rule that fired
 * its half-life in days, its latest hit (epoch ms) and q]`, every figure unrounded. The score at
 * any later time follows from it alone (engagementAt), until `dueAt` (a pending badge-scan signal
 * or a touch dated in the future), when the person must be scored from their touches again.
 */
export type ScoreParts = number[];

/**
 * The score's core: numbers, the stored explanation, the parts decay works on, until when they
 * hold, and when the latest touch it holds happened (`touchedThrough`, null without touches).
 */
export type ScoreCore = Omit<PersonScore, 'explanation'> & { rules: StoredRule[]; parts: ScoreParts; dueAt: string | null; touchedThrough: string | null };

export const DAY_MS = 86_400_000;
const round = (n: number) => Math.round(n * 100) / 100;
const norm = (v: unknown) => (typeof v === 'string' ? v.trim().toLowerCase() : v);

function read(facts: PersonFacts, field: string): unknown {
  const [record, ...rest] = field.split('.');
  const source = record === 'person' ? facts.person : facts.account;
  if (!source) return undefined;
  if (rest[0] === 'custom') return source.custom?.[rest[1]!];
  return source[rest[0]!];
}

/** One condition on one value; a missing value satisfies only `ne`, `notIn` and `empty`. */
export function holds(c: Condition, value: unknown): boolean {
  const missing = value === null || value === undefined || value === '';
  switch (c.op) {
    case 'exists': return !missing;
    case 'empty': return missing;
    case 'ne': return missing || norm(value) !== norm(c.value);
    case 'notIn': return missing || !(c.value as unknown[]).map(norm).includes(norm(value));
    default: break;
  }
  if (missing) return false;
  switch (c.op) {
    case 'eq': return norm(value) === norm(c.value);
    case 'in': return (c.value as unknown[]).map(norm).includes(norm(value));
    case 'gte': return Number(value) >= (c.value as number);
    case 'lte': return Number(value) <= (c.value as number);
    case 'between': {
      const [lo, hi] = c.value as [number, number];
      return Number(value) >= lo && Number(value) <= hi;
    }
    case 'contains': {
      const hay = String(value).toLowerCase();
      const needles = Array.isArray(c.value) ? c.value : [c.value];
      return needles.some((n) => hay.includes(String(n).toLowerCase()));
    }
  }
}

export function matches(rule: EngagementRule, t: TouchFact): boolean {
  const w = rule.when;
  if (w.kinds && !w.kinds.includes(t.kind)) return false;
  if (w.channels && !w.channels.includes(t.channel)) return false;
  if (w.campaignIds && (!t.campaignId || !w.campaignIds.includes(t.campaignId))) return false;
  if (w.assetContains && !(t.asset ?? '').toLowerCase().includes(w.assetContains.toLowerCase())) return false;
  if (w.pageContains) {
    const page = String(t.properties.url ?? t.properties.page ?? '').toLowerCase();
    if (!page.includes(w.pageContains.toLowerCase())) return false;
  }
  return true;
}

function gradeOf(def: ScoringDefinition, fit: number, engagement: number): Grade {
  const [a, b, c] = def.grades.fit as [number, number, number];
  const [e1, e2, e3] = def.grades.engagement as [number, number, number];
  const letter = fit >= a ? 'A' : fit >= b ? 'B' : fit >= c ? 'C' : 'D';
  const digit = engagement >= e1 ? 1 : engagement >= e2 ? 2 : engagement >= e3 ? 3 : 4;
  return `${letter}${digit}`;
}

/** A rule's stored entry (one literal, one object shape: spreads in the per-person loop cost a third of scoring). */
export function ruleEntry(ruleId: string, label: string, source: Explanation['source'], points: number, count = 1, at: string | null = null): StoredRule {
  return { ruleId, label, source, points, rawPoints: points, count, firstAt: at, lastAt: at, hits: [] };
}

/** A hit's points under its rule's cap, when `spent` (in absolute points) is already counted in its period. */
export function cappedPoints(points: number, maxPoints: number, spent: number): number {
  const room = Math.max(0, maxPoints - spent);
  return Math.abs(points) > room ? Math.sign(points) * room : points;
}

export const decayed = (points: number, fromMs: number, toMs: number, halfLifeDays: number) => points * 0.5 ** (Math.max(0, toMs - fromMs) / DAY_MS / halfLifeDays);

/**
 * Engagement at `nowMs` from a score's parts: each fired rule's q decayed from its latest hit, in
 * rule order, then the signals. The one formula both the full scoring and the daily decay use, so
 * they give the same figures to the last bit.
 */
export function engagementAt(parts: ScoreParts, nowMs: number): number {
  let engagement = 0;
  for (let k = 2; k + 2 < parts.length; k += 3) engagement += decayed(parts[k + 2]!, parts[k + 1]!, nowMs, parts[k]!);
  return engagement + parts[1]!;
}

/** Grade, total and MQL reason from unrounded fit and engagement (whether a hand was raised is given). */
export function settle(def: ScoringDefinition, fit: number, engagement: number, handRaised: boolean) {
  const total = fit + engagement;
  return {
    fit: round(fit), engagement: round(engagement), total: round(total), grade: gradeOf(def, fit, engagement),
    mqlReason: handRaised ? 'hand_raise' as const : total >= def.mqlThreshold ? 'score' as const : null,
  };
}

/** Fit: the points of every fit rule the person's and account's fields satisfy, with their stored entries. */
export function fitOf(def: ScoringDefinition, facts: PersonFacts): { fit: number; rules: StoredRule[] } {
  const rules: StoredRule[] = [];
  let fit = 0;
  for (const rule of def.fit) {
    if (!rule.when.every((c) => holds(c, read(facts, c.field)))) continue;
    fit += rule.points;
    rules.push(ruleEntry(rule.id, rule.label, 'fit', rule.points));
  }
  return { fit, rules };
}

/**
 * Scores one person at `now` under a model: fit from their fields (no decay), engagement from
 * their touches up to `now` (each hit decays by the half-life; caps hold per rule and period),
 * built-in negative signals, a grade, whether the result is an MQL and why, the stored explanation
 * of every rule that fired and the parts decay works on. Pure: the same inputs always give the same score.
 */
export function scoreCore(def: ScoringDefinition, facts: PersonFacts, touches: readonly TouchFact[], now: Date): ScoreCore {
  const nowMs = now.getTime();
  let dueMs = Infinity;
  const { fit, rules } = fitOf(def, facts);

  const past: TouchFact[] = [];
  for (const t of touches) {
    const at = t.occurredAt.getTime();
    if (at <= nowMs) past.push(t);
    else if (at < dueMs) dueMs = at;
  }
  past.sort((x, y) => x.occurredAt.getTime() - y.occurredAt.getTime());
  const parts: ScoreParts = [fit, 0];
  const engaged: StoredRule[] = [];
  for (const rule of def.engagement) {
    const halfLife = rule.halfLifeDays ?? def.halfLifeDays;
    const used = new Map<number, number>();
    const e: StoredRule = { ruleId: rule.id, label: rule.label, source: 'engagement', rawPoints: 0, count: 0, firstAt: null, lastAt: null, hits: [], halfLifeDays: halfLife, q: 0 };
    let q = 0;
    let lastMs = 0;
    // The latest hits as times and points, made text once at the end (most hits fall out of the last ten).
    const hitAt: number[] = [], hitRaw: number[] = [], hitCapped: boolean[] = [];
    for (const t of past) {
      if (!matches(rule, t)) continue;
      const at = t.occurredAt.getTime();
      let raw = rule.points;
      if (rule.cap) {
        const bucket = Math.floor(at / (rule.cap.periodDays * DAY_MS));
        const spent = used.get(bucket) ?? 0;
        raw = cappedPoints(raw, rule.cap.maxPoints, spent);
        used.set(bucket, spent + Math.abs(raw));
      }
      const capped = raw !== rule.points;
      // q: the rule's points as of this (its latest) hit (the first hit starts it: decaying 0 from
      // the epoch would be a power of 2 so small it is subnormal, ~100 times slower to compute).
      q = e.count === 0 ? raw : decayed(q, lastMs, at, halfLife) + raw;
      lastMs = at;
      if (e.count === 0) e.firstAt = t.occurredAt.toISOString();
      e.count += 1;
      e.rawPoints += raw;
      hitAt.push(at); hitRaw.push(raw); hitCapped.push(capped);
    }
    if (e.count === 0) continue;
    e.lastAt = new Date(lastMs).toISOString();
    for (let k = hitAt.length - 1; k >= Math.max(0, hitAt.length - 10); k--) {
      e.hits.push({ at: k === hitAt.length - 1 ? e.lastAt : new Date(hitAt[k]!).toISOString(), rawPoints: hitRaw[k]!, capped: hitCapped[k]! });
    }
    e.q = q;
    engaged.push(e);
    parts.push(halfLife, lastMs, q);
  }

  const { badgeScanOnly, unsubscribed } = def.signals;
  const signals: StoredRule[] = [];
  const last = past.at(-1);
  if (badgeScanOnly && last?.kind === 'badge_scan') {
    const firesAt = last.occurredAt.getTime() + badgeScanOnly.withinDays * DAY_MS;
    if (nowMs >= firesAt) {
      parts[1]! += badgeScanOnly.points;
      signals.push(ruleEntry('badge-scan-only', `Badge scan with nothing in the ${badgeScanOnly.withinDays} days after`, 'signal', badgeScanOnly.points, 1, last.occurredAt.toISOString()));
    } else if (firesAt < dueMs) dueMs = firesAt;
  }
  const unsubscribedAt = past.find((t) => t.kind === 'email_unsubscribe')?.occurredAt.toISOString() ?? null;
  if (unsubscribed && (unsubscribedAt || facts.person.consentStatus === 'opted_out')) {
    parts[1]! += unsubscribed.points;
    signals.push(ruleEntry('unsubscribed', 'Unsubscribed or opted out', 'signal', unsubscribed.points, 1, unsubscribedAt));
  }

  const handRaise = past.find((t) => HAND_RAISE_KINDS.includes(t.kind));
  const st = settle(def, fit, engagementAt(parts, nowMs), !!handRaise);
  return {
    fit: st.fit, engagement: st.engagement, total: st.total, grade: st.grade, mqlReason: st.mqlReason,
    handRaiseAt: handRaise?.occurredAt.toISOString() ?? null,
    rules: rules.concat(engaged, signals),
    parts,
    dueAt: dueMs === Infinity ? null : new Date(dueMs).toISOString(),
    touchedThrough: last?.occurredAt.toISOString() ?? null,
  };
}

/**
 * The explanation as read: every rule that fired with its points at `at` (engagement decayed from
 * the stored q; each hit's own points too), what decay took away, the largest first. Entries
 * stored before explanations were kept time-free (they carry their points) are returned as stored.
 */
export function explainAt(rules: readonly StoredRule[], at: Date): Explanation[] {
  const atMs = at.getTime();
  const out = rules.map((r): Explanation => {
    if (r.q === undefined || r.halfLifeDays === undefined || r.lastAt === null) {
      return { ...r, points: r.points ?? r.rawPoints, decayed: (r as Partial<Explanation>).decayed ?? 0, hits: r.hits as RuleHit[] };
    }
    const { q, halfLifeDays, ...rest } = r;
    const points = round(decayed(q, Date.parse(r.lastAt), atMs, halfLifeDays));
    return {
      ...rest, points, decayed: round(r.rawPoints - points),
      hits: r.hits.map((h) => ({ at: h.at, rawPoints: h.rawPoints, points: round(decayed(h.rawPoints, Date.parse(h.at), atMs, halfLifeDays)), capped: h.capped })),
    };
  });
  return out.sort((x, y) => Math.abs(y.points) - Math.abs(x.points));
}

/** A person's score at `now` with its explanation as read (see scoreCore and explainAt). */
export function scorePerson(def: ScoringDefinition, facts: PersonFacts, touches: readonly TouchFact[], now: Date): PersonScore {
  const { rules, parts: _parts, dueAt: _dueAt, touchedThrough: _through, ...score } = scoreCore(def, facts, touches, now);
  return { ...score, explanation: explainAt(rules, now) };
}
