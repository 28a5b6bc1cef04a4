import { describe, expect, it } from 'vitest';
import { FAST_PATH_ON, fastParseTouch } from './fast-touch-input.js';
import { TouchpointInput } from './touchpoint.schema.js';

const base = { occurredAt: '2026-03-01T10:00:00Z', kind: 'page_view', email: 'ann@acme.example' };
const uuid = '3f2b6c1e-8a4d-4c5e-9f10-1234567890ab';

/** Inputs the fast path must answer like zod: the same output when it answers, null otherwise. */
const corpus: unknown[] = [
  base,
  { ...base, externalId: '  x-1  ', channel: 'email', side: 'sales', asset: ' /pricing ', campaignExternalId: ' spring ' },
  { ...base, email: '  Ann.Smith+tag@ACME.Example  ' },
  { ...base, email: 'ann@acme' }, { ...base, email: 'not-an-email' }, { ...base, email: `${'a'.repeat(250)}@x.io` }, { ...base, email: 42 },
  { ...base, occurredAt: '2026-03-01T10:00:00.123+02:00' }, { ...base, occurredAt: '2026-03-01T10:00:00' },
  { ...base, occurredAt: '2026-02-30T10:00:00Z' }, { ...base, occurredAt: '2026-03-01 10:00:00Z' }, { ...base, occurredAt: 1234 },
  { ...base, kind: 'nope' }, { ...base, channel: 'fax' }, { ...base, side: 'nobody' }, { ...base, kind: undefined },
  { occurredAt: base.occurredAt, kind: 'call', personId: uuid }, { occurredAt: base.occurredAt, kind: 'call', accountId: uuid.toUpperCase() },
  { occurredAt: base.occurredAt, kind: 'call', personId: 'not-a-uuid' }, { occurredAt: base.occurredAt, kind: 'call' },
  { occurredAt: base.occurredAt, kind: 'call', email: '' }, { ...base, campaignId: uuid }, { ...base, campaignId: '' },
  { ...base, externalId: '   ' }, { ...base, externalId: 'x'.repeat(201) }, { ...base, externalId: ` ${'x'.repeat(200)} ` },
  { ...base, asset: 'a'.repeat(501) }, { ...base, campaignExternalId: '' },
  { ...base, person: { firstName: ' Ann ', lastName: 'Smith', country: 'de', companyName: 'Acme', title: 'CTO', phone: '+1' } },
  { ...base, person: { firstName: 'Ann', shoeSize: 42 } }, { ...base, person: { country: 'Germany' } }, { ...base, person: null },
  { ...base, properties: { utm: 'x', n: 1, nested: { a: [1, 2] } } }, { ...base, properties: [] }, { ...base, properties: null },
  { ...base, properties: 'x' }, { ...base, properties: JSON.parse('{"__proto__": {"x": 1}, "a": 2}') },
  { ...base, unknownField: 1 }, { ...base, unknownField: undefined }, { ...base, email: undefined, personId: uuid },
  null, 'touch', 42, [base], Object.assign(Object.create({ inherited: 1 }), base), new Date(),
];

describe('fast touch parsing', () => {
  it('is on (zod’s patterns were found in the schema)', () => {
    expect(FAST_PATH_ON).toBe(true);
  });

  it.each(corpus.map((c, i) => [i, c] as const))('input %i: answers like zod or leaves it to zod', (_i, input) => {
    const fast = fastParseTouch(input);
    const zod = TouchpointInput.safeParse(input);
    if (fast === null) return;
    expect(zod.success).toBe(true);
    expect(fast).toEqual(zod.data);
  });

  it('answers the common shapes itself', () => {
    for (const input of [base, corpus[1], corpus[2], corpus[16], corpus[28], corpus[32]]) expect(fastParseTouch(input)).not.toBeNull();
  });
});
