import { describe, expect, it } from 'vitest';
import { advanceScore, type StoredScore } from './advance-score.js';
import { scoreCore, type ScoreCore, type StoredRule, type TouchFact } from './score-person.js';
import { ScoringDefinition } from './scoring-model.schema.js';

const NOW = new Date('2026-06-30T00:00:00Z');
const DAY = 86_400_000;
const daysAgo = (d: number) => new Date(NOW.getTime() - d * DAY);
let seq = 0;
const touch = (kind: TouchFact['kind'], ageDays: number, extra: Partial<TouchFact> = {}): TouchFact => ({
  id: ++seq, occurredAt: daysAgo(ageDays), kind, channel: 'web', campaignId: null, asset: null, properties: {}, ...extra,
});
const def = ScoringDefinition.parse({
  halfLifeDays: 30,
  fit: [
    { id: 'vp-plus', label: 'VP or C-level', points: 20, when: [{ field: 'person.seniority', op: 'in', value: ['vp', 'c_level'] }] },
    { id: 'mid-market', label: '200–5,000 employees', points: 15, when: [{ field: 'account.employeeCount', op: 'between', value: [200, 5000] }] },
  ],
  engagement: [
    { id: 'webinar', label: 'Attended a webinar', points: 10, when: { kinds: ['webinar_attended'] }, cap: { maxPoints: 20, periodDays: 30 } },
    { id: 'pricing', label: 'Viewed pricing', points: 5, when: { kinds: ['page_view'], pageContains: '/pricing' }, halfLifeDays: 7, cap: { maxPoints: 12, periodDays: 5 } },
    { id: 'clicks', label: 'Clicks', points: -2, when: { kinds: ['email_click'] }, halfLifeDays: 3 },
    { id: 'content', label: 'Content', points: 3, when: { kinds: ['content_download'] }, cap: { maxPoints: 5, periodDays: 14 } },
  ],
  signals: { badgeScanOnly: { points: -10, withinDays: 30 }, unsubscribed: { points: -50 } },
  grades: { fit: [30, 20, 10], engagement: [15, 8, 3] },
  mqlThreshold: 60,
});

/** What the database gives back of a stored explanation: jsonb orders every object's keys (shorter first, then bytewise). */
function throughJsonb<T>(value: T): T {
  const sortKeys = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sortKeys);
    if (v && typeof v === 'object') {
      const keys = Object.keys(v).sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
      return Object.fromEntries(keys.map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
    }
    return v;
  };
  return JSON.parse(JSON.stringify(sortKeys(value))) as T;
}
const stored = (s: ScoreCore): StoredScore => ({ mqlReason: s.mqlReason, dueAt: s.dueAt ? new Date(s.dueAt) : null, rules: throughJsonb(s.rules) as StoredRule[] });
const byTime = (a: TouchFact, b: TouchFact) => a.occurredAt.getTime() - b.occurredAt.getTime() || Number(a.id) - Number(b.id);

describe('a score advanced by newer touches from the stored score alone', () => {
  const rng = (seed: number) => () => ((seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32);
  const KINDS: TouchFact['kind'][] = ['webinar_attended', 'page_view', 'page_view', 'email_click', 'content_download', 'badge_scan', 'email_unsubscribe', 'demo_request', 'email_open'];

  it('is, to the last bit and the last character of its explanation, the score computed from every touch', () => {
    const random = rng(11);
    let advanced = 0, capped = 0;
    for (let person = 0; person < 600; person++) {
      const n = 1 + Math.floor(random() * 45);
      const touches = Array.from({ length: n }, () => {
        const kind = KINDS[Math.floor(random() * (random() < 0.9 ? 5 : KINDS.length))]!;
        return touch(kind, random() * (random() < 0.5 ? 60 : 400), { properties: { url: random() < 0.7 ? '/pricing' : '/blog' } });
      }).sort(byTime);
      const k = Math.floor(random() * n);
      const [older, newer] = [touches.slice(0, k), touches.slice(k)];
      // Scored once the older touches were in, before the newer ones came.
      const then = k === 0 ? daysAgo(401) : new Date(older.at(-1)!.occurredAt.getTime() + (newer[0]!.occurredAt.getTime() - older.at(-1)!.occurredAt.getTime()) * random());
      const who = { person: { seniority: random() < 0.5 ? 'vp' : 'individual', consentStatus: random() < 0.1 ? 'opted_out' : 'granted' }, account: { employeeCount: 900 } };
      const before = scoreCore(def, who, older, then);
      const after = advanceScore(def, 'sql', who, stored(before), newer, NOW);
      if (!after) continue;
      advanced++;
      if (after.rules.some((r) => r.hits.some((h) => h.capped))) capped++;
      const full = scoreCore(def, who, touches, NOW);
      // When the stored score was already a hand-raise, when it happened is not known (nor needed: no move).
      expect(after).toEqual(before.mqlReason === 'hand_raise' ? { ...full, handRaiseAt: null } : full);
      expect(JSON.stringify(after.rules)).toBe(JSON.stringify(full.rules));
    }
    // Most histories take the short way, caps included (the rest: a badge scan pending, a busy cap period).
    expect(advanced).toBeGreaterThan(400);
    expect(capped).toBeGreaterThan(50);
    expect(advanced).toBeLessThan(600);
  });

  it('gives way to scoring from the touches when the stored score cannot tell', () => {
    const score = (touches: TouchFact[], at = NOW) => stored(scoreCore(def, { person: {}, account: null }, touches, at));
    const facts = { person: {}, account: null };
    // A badge scan still waiting for its signal.
    expect(advanceScore(def, 'sql', facts, score([touch('badge_scan', 10)], daysAgo(9)), [touch('page_view', 1)], NOW)).toBeNull();
    // A newer touch dated after now.
    expect(advanceScore(def, 'sql', facts, score([touch('page_view', 10)]), [touch('page_view', -1)], NOW)).toBeNull();
    // Eleven pricing views in one five-day period (periods count from the epoch: 06-21 to 06-26 here):
    // the stored ten do not say what the period has spent.
    const busy = Array.from({ length: 11 }, (_, i) => touch('page_view', 6 + i * 0.01, { properties: { url: '/pricing' } }));
    expect(advanceScore(def, 'sql', facts, score(busy, daysAgo(5.95)), [touch('page_view', 5.9, { properties: { url: '/pricing' } })], NOW)).toBeNull();
    // …but a view in a later period is fine.
    expect(advanceScore(def, 'sql', facts, score(busy, daysAgo(3)), [touch('page_view', 0.5, { properties: { url: '/pricing' } })], NOW)).not.toBeNull();
    // A hand-raise by a lead, or a new one by a recycled person, is a move to MQL: that takes the history.
    expect(advanceScore(def, 'lead', facts, score([touch('page_view', 10)]), [touch('demo_request', 1)], NOW)).toBeNull();
    expect(advanceScore(def, 'recycled', facts, score([touch('demo_request', 100)]), [touch('demo_request', 1)], NOW)).toBeNull();
    // A recycled person's old raise was weighed when it was scored: their next touch goes the short way.
    expect(advanceScore(def, 'recycled', facts, score([touch('demo_request', 100)]), [touch('page_view', 1)], NOW)).toMatchObject({ mqlReason: 'hand_raise' });
    expect(advanceScore(def, 'sql', facts, score([touch('page_view', 10)]), [touch('demo_request', 1)], NOW)).toMatchObject({ mqlReason: 'hand_raise' });
    // An explanation stored before q was kept.
    const legacy = score([touch('webinar_attended', 10)]);
    const { q: _q, ...old } = legacy.rules[0]!;
    expect(advanceScore(def, 'sql', facts, { ...legacy, rules: [old] }, [touch('page_view', 1)], NOW)).toBeNull();
  });
});
