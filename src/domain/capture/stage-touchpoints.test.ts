import { describe, expect, it } from 'vitest';
import { copyText, field, summarisePeople } from './stage-touchpoints.js';
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
