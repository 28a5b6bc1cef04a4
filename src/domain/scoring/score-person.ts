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

const DAY_MS = 86_400_000;
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

function matches(rule: EngagementRule, t: TouchFact): boolean {
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

function emptyExplanation(ruleId: string, label: string, source: Explanation['source']): Explanation {
  return { ruleId, label, source, points: 0, rawPoints: 0, decayed: 0, count: 0, firstAt: null, lastAt: null, hits: [] };
}

/**
 * Scores one person at `now` under a model: fit from their fields (no decay), engagement from
 * their touches up to `now` (each hit decays by the half-life; caps hold per rule and period),
 * built-in negative signals, a grade, whether the result is an MQL and why, and the explanation
 * of every rule that fired. Pure: the same inputs always give the same score.
 */
export function scorePerson(def: ScoringDefinition, facts: PersonFacts, touches: readonly TouchFact[], now: Date): PersonScore {
  const nowMs = now.getTime();
  const explanation: Explanation[] = [];

  let fit = 0;
  for (const rule of def.fit) {
    if (!rule.when.every((c) => holds(c, read(facts, c.field)))) continue;
    fit += rule.points;
    explanation.push({ ...emptyExplanation(rule.id, rule.label, 'fit'), points: rule.points, rawPoints: rule.points, count: 1 });
  }

  const past = touches.filter((t) => t.occurredAt.getTime() <= nowMs).sort((x, y) => x.occurredAt.getTime() - y.occurredAt.getTime());
  let engagement = 0;
  for (const rule of def.engagement) {
    const halfLife = rule.halfLifeDays ?? def.halfLifeDays;
    const used = new Map<number, number>();
    const e = emptyExplanation(rule.id, rule.label, 'engagement');
    for (const t of past) {
      if (!matches(rule, t)) continue;
      const at = t.occurredAt.getTime();
      let raw = rule.points;
      let capped = false;
      if (rule.cap) {
        const bucket = Math.floor(at / (rule.cap.periodDays * DAY_MS));
        const spent = used.get(bucket) ?? 0;
        const room = Math.max(0, rule.cap.maxPoints - spent);
        if (Math.abs(raw) > room) { raw = Math.sign(raw) * room; capped = true; }
        used.set(bucket, spent + Math.abs(raw));
      }
      const points = raw * 0.5 ** (Math.max(0, nowMs - at) / DAY_MS / halfLife);
      e.count += 1;
      e.rawPoints += raw;
      e.points += points;
      e.firstAt ??= t.occurredAt.toISOString();
      e.lastAt = t.occurredAt.toISOString();
      e.hits.push({ at: t.occurredAt.toISOString(), rawPoints: raw, points: round(points), capped });
      if (e.hits.length > 10) e.hits.shift();
    }
    if (e.count === 0) continue;
    engagement += e.points;
    explanation.push({ ...e, points: round(e.points), decayed: round(e.rawPoints - e.points), hits: e.hits.reverse() });
  }

  const { badgeScanOnly, unsubscribed } = def.signals;
  const last = past.at(-1);
  if (badgeScanOnly && last?.kind === 'badge_scan' && nowMs - last.occurredAt.getTime() >= badgeScanOnly.withinDays * DAY_MS) {
    engagement += badgeScanOnly.points;
    explanation.push({
      ...emptyExplanation('badge-scan-only', `Badge scan with nothing in the ${badgeScanOnly.withinDays} days after`, 'signal'),
      points: badgeScanOnly.points, rawPoints: badgeScanOnly.points, count: 1, firstAt: last.occurredAt.toISOString(), lastAt: last.occurredAt.toISOString(),
    });
  }
  const unsubscribedAt = past.find((t) => t.kind === 'email_unsubscribe')?.occurredAt.toISOString() ?? null;
  if (unsubscribed && (unsubscribedAt || facts.person.consentStatus === 'opted_out')) {
    engagement += unsubscribed.points;
    explanation.push({ ...emptyExplanation('unsubscribed', 'Unsubscribed or opted out', 'signal'), points: unsubscribed.points, rawPoints: unsubscribed.points, count: 1, firstAt: unsubscribedAt, lastAt: unsubscribedAt });
  }

  const handRaise = past.find((t) => HAND_RAISE_KINDS.includes(t.kind));
  const total = fit + engagement;
  return {
    fit: round(fit), engagement: round(engagement), total: round(total),
    grade: gradeOf(def, fit, engagement),
    mqlReason: handRaise ? 'hand_raise' : total >= def.mqlThreshold ? 'score' : null,
    handRaiseAt: handRaise?.occurredAt.toISOString() ?? null,
    explanation: explanation.sort((x, y) => Math.abs(y.points) - Math.abs(x.points)),
  };
}
