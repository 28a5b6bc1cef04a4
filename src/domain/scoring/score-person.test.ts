import { describe, expect, it } from 'vitest';
import { ScoringDefinition, type ScoringDefinitionInput } from './scoring-model.schema.js';
import { engagementAt, explainAt, holds, scoreCore, scorePerson, settle, type PersonFacts, type TouchFact } from './score-person.js';

const NOW = new Date('2026-06-30T00:00:00Z');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);
let seq = 0;
const touch = (kind: TouchFact['kind'], ageDays: number, extra: Partial<TouchFact> = {}): TouchFact => ({
  id: ++seq, occurredAt: daysAgo(ageDays), kind, channel: 'web', campaignId: null, asset: null, properties: {}, ...extra,
});
const model = (over: Partial<ScoringDefinitionInput> = {}) => ScoringDefinition.parse({
  halfLifeDays: 30,
  fit: [
    { id: 'vp-plus', label: 'VP or C-level', points: 20, when: [{ field: 'person.seniority', op: 'in', value: ['vp', 'c_level'] }] },
    { id: 'mid-market', label: '200–5,000 employees', points: 15, when: [{ field: 'account.employeeCount', op: 'between', value: [200, 5000] }] },
    { id: 'student', label: 'Student domain', points: -30, when: [{ field: 'person.emailDomain', op: 'contains', value: ['.edu', 'student'] }] },
  ],
  engagement: [
    { id: 'webinar', label: 'Attended a webinar', points: 10, when: { kinds: ['webinar_attended'] } },
    { id: 'pricing', label: 'Viewed pricing', points: 5, when: { kinds: ['page_view'], pageContains: '/pricing' }, cap: { maxPoints: 10, periodDays: 7 } },
  ],
  signals: { badgeScanOnly: { points: -10, withinDays: 30 }, unsubscribed: { points: -50 } },
  grades: { fit: [30, 20, 10], engagement: [15, 8, 3] },
  mqlThreshold: 50,
  ...over,
});
const facts = (person: Record<string, unknown> = {}, account: Record<string, unknown> | null = {}): PersonFacts => ({ person, account });

describe('fit', () => {
  it('adds the points of every rule whose conditions all hold, without decay', () => {
    const s = scorePerson(model(), facts({ seniority: 'vp', emailDomain: 'acme.com' }, { employeeCount: 800 }), [], NOW);
    expect(s.fit).toBe(35);
    expect(s.explanation.map((e) => e.ruleId).sort()).toEqual(['mid-market', 'vp-plus']);
  });

  it('takes negative rules off, and a missing field never matches a positive rule', () => {
    const s = scorePerson(model(), facts({ emailDomain: 'mit.edu' }, null), [], NOW);
    expect(s.fit).toBe(-30);
  });

  it('compares text case-insensitively and numbers as numbers', () => {
    expect(holds({ field: 'account.industry', op: 'eq', value: 'Software' }, ' software ')).toBe(true);
    expect(holds({ field: 'account.annualRevenue', op: 'gte', value: 1e6 }, '2500000')).toBe(true);
    expect(holds({ field: 'account.industry', op: 'ne', value: 'Retail' }, null)).toBe(true);
    expect(holds({ field: 'account.industry', op: 'in', value: ['Retail'] }, null)).toBe(false);
    expect(holds({ field: 'person.title', op: 'empty' }, '')).toBe(true);
  });

  it('reads custom fields', () => {
    const def = model({ fit: [{ id: 'ent', label: 'Enterprise segment', points: 12, when: [{ field: 'account.custom.segment', op: 'eq', value: 'enterprise' }] }] });
    expect(scorePerson(def, facts({}, { custom: { segment: 'Enterprise' } }), [], NOW).fit).toBe(12);
  });
});

describe('engagement', () => {
  it('halves a hit at each half-life and says how much decay took away', () => {
    const s = scorePerson(model(), facts(), [touch('webinar_attended', 0), touch('webinar_attended', 30), touch('webinar_attended', 60)], NOW);
    expect(s.engagement).toBeCloseTo(10 + 5 + 2.5, 5);
    const e = s.explanation.find((x) => x.ruleId === 'webinar')!;
    expect(e).toMatchObject({ count: 3, rawPoints: 30, points: 17.5, decayed: 12.5, lastAt: NOW.toISOString() });
    expect(e.hits[0]!.at).toBe(NOW.toISOString());
  });

  it('caps a rule per period before decay', () => {
    const views = [1, 2, 3, 4].map((d) => touch('page_view', d, { properties: { url: 'https://x.test/pricing' } }));
    const def = model({ halfLifeDays: 3650 });
    const s = scorePerson(def, facts(), views, NOW);
    const e = s.explanation.find((x) => x.ruleId === 'pricing')!;
    expect(e.rawPoints).toBe(10);
    expect(e.hits.filter((h) => h.capped)).toHaveLength(2);
  });

  it('ignores pages that do not match and touches after now', () => {
    const s = scorePerson(model(), facts(), [touch('page_view', 1, { properties: { url: '/blog' } }), touch('webinar_attended', -2)], NOW);
    expect(s.engagement).toBe(0);
    expect(s.explanation).toEqual([]);
  });
});

describe('signals, grade and MQL', () => {
  it('marks the T-shirt grabber: a badge scan with nothing in the 30 days after', () => {
    expect(scorePerson(model(), facts(), [touch('badge_scan', 40)], NOW).engagement).toBe(-10);
    expect(scorePerson(model(), facts(), [touch('badge_scan', 20)], NOW).engagement).toBe(0);
    expect(scorePerson(model(), facts(), [touch('badge_scan', 40), touch('webinar_attended', 35)], NOW).explanation.map((e) => e.ruleId)).toEqual(['webinar']);
  });

  it('takes points off the unsubscribed, by touch or by consent', () => {
    expect(scorePerson(model(), facts({ consentStatus: 'opted_out' }), [], NOW).engagement).toBe(-50);
    expect(scorePerson(model(), facts(), [touch('email_unsubscribe', 3)], NOW).engagement).toBe(-50);
  });

  it('grades fit A–D and engagement 1–4 by the thresholds', () => {
    const hot = scorePerson(model(), facts({ seniority: 'c_level' }, { employeeCount: 1000 }), [touch('webinar_attended', 0), touch('webinar_attended', 0)], NOW);
    expect(hot.grade).toBe('A1');
    expect(scorePerson(model(), facts(), [], NOW).grade).toBe('D4');
    expect(scorePerson(model(), facts({ seniority: 'vp' }), [touch('webinar_attended', 30)], NOW).grade).toBe('B3');
  });

  it('makes a hand-raiser an MQL whatever the score, and a high score an MQL by score', () => {
    const raised = scorePerson(model(), facts({ emailDomain: 'mit.edu' }), [touch('demo_request', 2)], NOW);
    expect(raised.total).toBeLessThan(50);
    expect(raised.mqlReason).toBe('hand_raise');
    expect(raised.handRaiseAt).toBe(daysAgo(2).toISOString());
    const scored = scorePerson(model(), facts({ seniority: 'vp' }, { employeeCount: 300 }), [touch('webinar_attended', 0), touch('webinar_attended', 0)], NOW);
    expect(scored.total).toBe(55);
    expect(scored.mqlReason).toBe('score');
    expect(scorePerson(model(), facts(), [touch('webinar_attended', 0)], NOW).mqlReason).toBeNull();
  });
});

describe('the model definition', () => {
  it('refuses unknown fields, bad half-lives and grade thresholds that do not go down, by path', () => {
    const bad = ScoringDefinition.safeParse({
      halfLifeDays: 0,
      fit: [{ id: 'x', label: 'x', points: 1, when: [{ field: 'person.shoeSize', op: 'eq', value: 42 }] }],
      grades: { fit: [10, 20, 30], engagement: [3, 2, 1] },
      mqlThreshold: 50,
    });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['halfLifeDays', 'fit.0.when.0.field', 'grades.fit']));
  });

  it('refuses a between without two numbers and an engagement rule that matches nothing', () => {
    const bad = ScoringDefinition.safeParse({
      fit: [{ id: 'x', label: 'x', points: 1, when: [{ field: 'account.employeeCount', op: 'between', value: [1] }] }],
      engagement: [{ id: 'y', label: 'y', points: 1, when: {} }],
      mqlThreshold: 50,
    });
    expect(bad.error!.issues.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['fit.0.when.0.value', 'engagement.0.when']));
  });
});

describe('decay from the stored parts alone', () => {
  // A seeded generator (no Math.random: a failure can be replayed).
  const rng = (seed: number) => () => ((seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0) / 2 ** 32);
  const KINDS: TouchFact['kind'][] = ['webinar_attended', 'page_view', 'email_click', 'content_download', 'badge_scan'];
  const def = model({
    engagement: [
      { id: 'webinar', label: 'Attended a webinar', points: 10, when: { kinds: ['webinar_attended'] }, cap: { maxPoints: 20, periodDays: 30 } },
      { id: 'pricing', label: 'Viewed pricing', points: 5, when: { kinds: ['page_view'], pageContains: '/pricing' }, halfLifeDays: 7 },
      { id: 'clicks', label: 'Clicks', points: -2, when: { kinds: ['email_click'] }, halfLifeDays: 3 },
      { id: 'content', label: 'Content', points: 3, when: { kinds: ['content_download'] }, cap: { maxPoints: 5, periodDays: 14 } },
    ],
  });

  it('gives, days later, exactly the engagement, grade and explanation that scoring the touches again gives', () => {
    const random = rng(7);
    for (let person = 0; person < 300; person++) {
      const touches = Array.from({ length: Math.floor(random() * 25) }, () => touch(KINDS[Math.floor(random() * 4)]!, random() * 400,
        { properties: { url: random() < 0.5 ? '/pricing' : '/blog' } }));
      const who = facts({ seniority: random() < 0.5 ? 'vp' : 'individual' });
      const then = scoreCore(def, who, touches, NOW);
      expect(then.dueAt).toBeNull();
      for (const days of [0.5, 1, 9, 200]) {
        const later = new Date(NOW.getTime() + days * 86_400_000);
        const again = scoreCore(def, who, touches, later);
        // The same figures to the last bit, so the stored digest of either is the other's.
        expect(engagementAt(then.parts, later.getTime())).toBe(engagementAt(again.parts, later.getTime()));
        const fromParts = settle(def, then.parts[0]!, engagementAt(then.parts, later.getTime()), then.mqlReason === 'hand_raise');
        expect(fromParts).toEqual({ fit: again.fit, engagement: again.engagement, total: again.total, grade: again.grade, mqlReason: again.mqlReason });
        // The stored explanation does not change with time; read later it says what scoring then says.
        expect(again.rules).toEqual(then.rules);
        expect(explainAt(then.rules, later)).toEqual(scorePerson(def, who, touches, later).explanation);
      }
    }
  });

  it('reads hits and decay at the time asked, from the stored explanation', () => {
    const s = scoreCore(def, facts(), [touch('webinar_attended', 0), touch('webinar_attended', 30)], NOW);
    const later = new Date(NOW.getTime() + 30 * 86_400_000);
    const e = explainAt(s.rules, later).find((x) => x.ruleId === 'webinar')!;
    expect(e).toMatchObject({ rawPoints: 20, points: 7.5, decayed: 12.5 });
    expect(e.hits.map((h) => h.points)).toEqual([5, 2.5]);
  });

  it('says when the parts stop holding: a badge scan still waiting for its signal, a touch dated in the future', () => {
    const scan = scoreCore(def, facts(), [touch('badge_scan', 10)], NOW);
    expect(scan.dueAt).toBe(new Date(daysAgo(10).getTime() + 30 * 86_400_000).toISOString());
    expect(scoreCore(def, facts(), [touch('badge_scan', 40)], NOW).dueAt).toBeNull();
    expect(scoreCore(def, facts(), [touch('page_view', 1), touch('webinar_attended', -2)], NOW).dueAt).toBe(daysAgo(-2).toISOString());
  });
});
