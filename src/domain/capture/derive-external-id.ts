import { createHash } from 'node:crypto';

/**
 * A deterministic idempotency key for touches sent without one (badge-scan lists, CSV files):
 * the same touch sent twice yields the same key, so it is stored once.
 */
export function deriveExternalId(parts: {
  kind: string; channel: string; side: string; who: string; occurredAt: string; campaignId: string | null; asset: string | null;
}): string {
  const canonical = JSON.stringify([
    parts.kind, parts.channel, parts.side, parts.who.toLowerCase(), new Date(parts.occurredAt).toISOString(),
    parts.campaignId ?? '', parts.asset ?? '',
  ]);
  return `h:${createHash('sha256').update(canonical).digest('hex').slice(0, 40)}`;
}
