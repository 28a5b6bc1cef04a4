import { describe, expect, it } from 'vitest';
import { partitionKey, partitionTouches } from './partition-touches.js';
import type { NormalisedTouch } from './touchpoint.schema.js';
import { SplitGate, sumResults } from './write-in-parts.js';

let n = 0;
const touch = (t: Partial<NormalisedTouch>): NormalisedTouch => ({
  externalId: `x-${n++}`, occurredAt: '2026-03-01T10:00:00.000Z', kind: 'page_view', channel: 'web', side: 'marketing',
  email: null, personId: null, accountId: null, person: null, campaignId: null, asset: null, properties: {}, ...t,
});
const FREE = new Set(['gmail.com', 'yahoo.com']);
const isFree = (d: string) => FREE.has(d);
const PERSON = '3f2b6c1e-8a4d-4c5e-9f10-1234567890ab';
const ACCOUNT = '9a8b7c6d-1e2f-4a3b-8c4d-5e6f7a8b9c0d';

/** Which part each touch went to, by external id. */
function partsOf(parts: NormalisedTouch[][]): Map<string, number> {
  const m = new Map<string, number>();
  parts.forEach((p, k) => { for (const t of p) m.set(t.externalId, k); });
  return m;
}

describe('partition key', () => {
  it('is the domain for a corporate e-mail, the whole e-mail for free-mail, else the person or the account', () => {
    expect(partitionKey(touch({ email: 'ann@acme.example' }), isFree)).toBe('d:acme.example');
    expect(partitionKey(touch({ email: 'ann@gmail.com' }), isFree)).toBe('e:ann@gmail.com');
    expect(partitionKey(touch({ email: 'ann@gmail.com', personId: PERSON }), isFree)).toBe('e:ann@gmail.com');
    expect(partitionKey(touch({ personId: PERSON, accountId: ACCOUNT }), isFree)).toBe(`p:${PERSON}`);
    expect(partitionKey(touch({ accountId: ACCOUNT }), isFree)).toBe(`a:${ACCOUNT}`);
  });
});

describe('splitting a batch into parts', () => {
  const domains = ['a.example', 'b.example', 'c.example', 'd.example', 'e.example', 'f.example'];
  const batch = () => [
    ...Array.from({ length: 600 }, (_, i) => touch({ email: `p${i % 150}@${domains[i % domains.length]}`, occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString() })),
    ...Array.from({ length: 40 }, (_, i) => touch({ email: `free${i % 7}@${i % 2 ? 'gmail.com' : 'yahoo.com'}` })),
    ...Array.from({ length: 10 }, () => touch({ personId: PERSON })),
    ...Array.from({ length: 5 }, () => touch({ accountId: ACCOUNT })),
  ];

  it('keeps every touch once, in the batch order within each part', () => {
    const all = batch();
    const parts = partitionTouches(all, 3, isFree);
    expect(parts).toHaveLength(3);
    expect(parts.flat().map((t) => t.externalId).sort()).toEqual(all.map((t) => t.externalId).sort());
    const order = new Map(all.map((t, i) => [t.externalId, i]));
    for (const p of parts) {
      const idx = p.map((t) => order.get(t.externalId)!);
      expect(idx).toEqual([...idx].sort((a, b) => a - b));
    }
  });

  it('never splits a person, a company domain, a free-mail address, a person id or an account id across parts', () => {
    const all = batch();
    const where = partsOf(partitionTouches(all, 2, isFree));
    const partsByKey = new Map<string, Set<number>>();
    for (const t of all) {
      for (const key of [partitionKey(t, isFree), t.email ?? `id:${t.personId ?? t.accountId}`]) {
        const s = partsByKey.get(key) ?? new Set<number>();
        s.add(where.get(t.externalId)!);
        partsByKey.set(key, s);
      }
    }
    for (const [key, s] of partsByKey) expect([key, s.size]).toEqual([key, 1]);
    // Free-mail addresses are their own keys: the seven of them are not all in one part.
    const freeParts = new Set(all.filter((t) => t.email?.startsWith('free')).map((t) => where.get(t.externalId)));
    expect(freeParts.size).toBe(2);
  });

  it('balances the parts by touch count', () => {
    const sizes = partitionTouches(batch(), 2, isFree).map((p) => p.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(100); // the largest key holds 100
    const many = Array.from({ length: 10_000 }, (_, i) => touch({ email: `p${i % 2_000}@company${i % 400}.example` }));
    const four = partitionTouches(many, 4, isFree).map((p) => p.length);
    expect(four.reduce((a, b) => a + b, 0)).toBe(10_000);
    expect(Math.max(...four) - Math.min(...four)).toBeLessThanOrEqual(25); // keys of 25 touches each
  });

  it('keeps touches that repeat an external id in one part, with everything sharing their keys', () => {
    const all = [
      touch({ externalId: 'dup', email: 'ann@a.example' }), touch({ email: 'bob@a.example' }),
      touch({ externalId: 'dup', email: 'cy@b.example' }), touch({ email: 'dee@b.example' }),
      ...Array.from({ length: 20 }, (_, i) => touch({ email: `p${i}@c${i}.example` })),
    ];
    const where = partsOf(partitionTouches(all, 2, isFree));
    const dupParts = new Set(all.filter((t) => /@[ab]\.example$/.test(t.email!)).map((t) => where.get(t.externalId)));
    expect(dupParts.size).toBe(1);
    expect(partitionTouches(all, 2, isFree)).toHaveLength(2);
  });

  it('gives one part when the batch cannot be split or should not be', () => {
    const oneDomain = Array.from({ length: 50 }, (_, i) => touch({ email: `p${i}@acme.example` }));
    expect(partitionTouches(oneDomain, 2, isFree)).toEqual([oneDomain]);
    expect(partitionTouches(batch(), 1, isFree)).toHaveLength(1);
    expect(partitionTouches([], 2, isFree)).toEqual([]);
    expect(partitionTouches([touch({ email: 'a@b.example' }), touch({ email: 'c@d.example' })], 8, isFree)).toHaveLength(2);
  });

  it('is the same split for the same batch', () => {
    const all = batch();
    expect(partitionTouches(all, 2, isFree)).toEqual(partitionTouches(all, 2, isFree));
  });
});

describe('the split gate', () => {
  it('lets split requests hold at most its capacity in connections, and refuses rather than waits', () => {
    const gate = new SplitGate(2);
    expect(gate.tryAcquire(2)).toBe(true);
    expect(gate.tryAcquire(2)).toBe(false);
    gate.release(2);
    expect(gate.tryAcquire(2)).toBe(true);
    expect(gate.inUse).toBe(2);
    expect(new SplitGate(1).tryAcquire(2)).toBe(false);
  });

  it('sums the parts, each person once, with their earliest new touch', () => {
    const at = (day: number) => new Date(Date.UTC(2026, 0, day));
    expect(sumResults([
      { created: 3, duplicates: 1, peopleCreated: 2, accountsCreated: 1, personIds: ['a', 'b'], firstAt: new Map([['a', at(1)], ['b', at(5)]]) },
      { created: 4, duplicates: 0, peopleCreated: 1, accountsCreated: 0, personIds: ['b', 'c'], firstAt: new Map([['b', at(3)], ['c', at(2)]]) },
    ])).toEqual({
      created: 7, duplicates: 1, peopleCreated: 3, accountsCreated: 1, personIds: ['a', 'b', 'c'],
      firstAt: new Map([['a', at(1)], ['b', at(3)], ['c', at(2)]]),
    });
  });
});
