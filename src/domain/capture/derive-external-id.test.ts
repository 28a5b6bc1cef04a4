import { describe, expect, it } from 'vitest';
import { deriveExternalId } from './derive-external-id.js';

const base = { kind: 'badge_scan', channel: 'event', side: 'marketing', who: 'Ann@Acme.com', occurredAt: '2026-03-01T10:00:00Z', campaignId: null, asset: null };

describe('deriveExternalId', () => {
  it('gives the same key to the same touch however the time and e-mail are written', () => {
    expect(deriveExternalId(base)).toBe(deriveExternalId({ ...base, who: 'ann@acme.com', occurredAt: '2026-03-01T11:00:00+01:00' }));
  });
  it('gives different keys to touches that differ in time or kind', () => {
    expect(deriveExternalId(base)).not.toBe(deriveExternalId({ ...base, occurredAt: '2026-03-01T10:00:01Z' }));
    expect(deriveExternalId(base)).not.toBe(deriveExternalId({ ...base, kind: 'demo_request' }));
  });
});
