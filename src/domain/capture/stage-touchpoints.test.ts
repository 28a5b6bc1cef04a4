import { describe, expect, it } from 'vitest';
import { copyText, directCopyText, directTouches, field, summarisePeople } from './stage-touchpoints.js';
import type { NormalisedTouch } from './touchpoint.schema.js';

const touch = (t: Partial<NormalisedTouch>): NormalisedTouch => ({
  externalId: 'x', occurredAt: '2026-03-01T10:00:00.000Z', kind: 'page_view', channel: 'web', side: 'marketing',
  email: 'ann@acme.example', personId: null, accountId: null, person: null, campaignId: null, asset: null, properties: {}, ...t,
});

describe('COPY text', () => {
  it('escapes backslash, tab and line breaks, and writes null as \\N', () => {
    expect(field(null)).toBe('\\N');
    expect(field('plain')).toBe('plain');
    expect(field('a\tb\nc\rd\\e')).toBe('a\\tb\\nc\\rd\\\\e');
    expect(field('\\N')).toBe('\\\\N');
    expect(copyText([['a', null, 'b\tc'], ['', 'ü😀', '{"k":"v\\\\n"}']])).toBe('a\t\\N\tb\\tc\n\tü😀\t{"k":"v\\\\\\\\n"}\n');
  });
});

describe('people of a batch', () => {
  it('takes a new person from the earliest touch and the blanks to fill from the latest touch with person fields', () => {
    const [ann, bob] = summarisePeople([
      touch({ occurredAt: '2026-03-01T10:05:00.000Z', person: { firstName: 'Ann' } }),
      touch({ occurredAt: '2026-03-01T10:01:00.000Z', channel: 'email' }),
      touch({ occurredAt: '2026-03-01T10:09:00.000Z', person: { title: 'CTO' } }),
      touch({ occurredAt: '2026-03-01T10:20:00.000Z', person: {} }),
      touch({ email: 'bob@acme.example', occurredAt: '2026-03-01T09:00:00+01:00' }),
      touch({ email: null, personId: '3f2b6c1e-8a4d-4c5e-9f10-1234567890ab' }),
    ]);
    expect(ann!.first.channel).toBe('email');
    expect(ann!.fill!.person).toEqual({ title: 'CTO' });
    expect(bob!.first.occurredAt).toBe('2026-03-01T09:00:00+01:00');
    expect(bob!.fill).toBeNull();
  });

  it('orders times given with an offset by the instant they name', () => {
    const [p] = summarisePeople([
      touch({ occurredAt: '2026-03-01T10:00:00.000Z', channel: 'web' }),
      touch({ occurredAt: '2026-03-01T10:30:00+01:00', channel: 'email' }),
    ]);
    expect(p!.first.channel).toBe('email');
  });
});

describe('touches for COPY straight into touchpoints', () => {
  it('orders them by company, then time (same instants in the batch order), and writes each with its ids', () => {
    const d = directTouches([
      touch({ externalId: 'c', occurredAt: '2026-03-01T10:00:00.000Z', properties: { q: 'a\tb' } }),
      touch({ externalId: 'a', occurredAt: '2026-03-01T09:00:00.000Z', email: 'bob@acme.example' }),
      touch({ externalId: 'b', occurredAt: '2026-03-01T10:00:00+01:00', personId: 'p-2', email: null }),
      touch({ externalId: 'd', occurredAt: '2026-03-01T08:00:00.000Z', email: 'zoe@beta.example' }),
      touch({ externalId: 'e', occurredAt: '2026-03-01T09:30:00+01:00' }),
      touch({ externalId: 'f', occurredAt: '2026-03-01T08:30:00.000Z' }),
    ], 'api-key:k');
    expect(d.order.map((i) => d.touches[i]!.externalId)).toEqual(['b', 'e', 'f', 'a', 'c', 'd']);
    const ids = (t: { email: string | null; personId: string | null }): [string | null, string | null] =>
      t.personId ? [t.personId, null] : [`p-${t.email}`, 'acc'];
    const abc = directTouches(d.touches.filter((t) => 'abc'.includes(t.externalId)), 'api-key:k');
    const out = directCopyText(abc, ids)!;
    expect(new Map(out.firstAt)).toEqual(new Map([
      ['p-2', new Date('2026-03-01T09:00:00.000Z')], ['p-ann@acme.example', new Date('2026-03-01T10:00:00.000Z')],
      ['p-bob@acme.example', new Date('2026-03-01T09:00:00.000Z')],
    ]));
    expect(out.text).toBe(
      'b\t2026-03-01T10:00:00+01:00\tp-2\t\\N\tweb\tpage_view\t\\N\t\\N\tmarketing\t{}\tapi-key:k\n'
      + 'a\t2026-03-01T09:00:00.000Z\tp-bob@acme.example\tacc\tweb\tpage_view\t\\N\t\\N\tmarketing\t{}\tapi-key:k\n'
      + 'c\t2026-03-01T10:00:00.000Z\tp-ann@acme.example\tacc\tweb\tpage_view\t\\N\t\\N\tmarketing\t{"q":"a\\\\tb"}\tapi-key:k\n');
  });

  it('gives up on text that is not well-formed', () => {
    const bad = directTouches([touch({ externalId: 'z\uD800' })], 'system');
    expect(directCopyText(bad, () => [null, null])).toBeNull();
  });
});
