import type { ChunkWriter } from './import-types.js';
import { validateTouchpoints } from '../validate-touchpoints.js';
import { writeTouchpoints } from '../write-touchpoints.js';

const PERSON_KEYS = ['firstName', 'lastName', 'title', 'companyName', 'country', 'phone'] as const;

/** Touches (and badge scans) go through capture's own validation and set-based write. */
export function touchRowWriter(kind: 'touchpoints' | 'badge_scans'): ChunkWriter {
  return async (tx, rows, env) => {
    const items = rows.map(({ values: v, extra }) => {
      const nonEmpty = (s: string | undefined) => (s && s.trim() !== '' ? s.trim() : undefined);
      const person = Object.fromEntries(PERSON_KEYS.flatMap((k) => (nonEmpty(v[k]) ? [[k, nonEmpty(v[k])]] : [])));
      const occurredAt = nonEmpty(v.occurredAt) ?? env.options.occurredAt;
      return Object.fromEntries(Object.entries({
        externalId: nonEmpty(v.externalId),
        occurredAt: occurredAt && /^\d{4}-\d{2}-\d{2}$/.test(occurredAt) ? `${occurredAt}T00:00:00Z` : occurredAt,
        kind: kind === 'badge_scans' ? 'badge_scan' : nonEmpty(v.kind)?.toLowerCase(),
        channel: nonEmpty(v.channel)?.toLowerCase(), side: nonEmpty(v.side)?.toLowerCase(),
        email: nonEmpty(v.email), campaignExternalId: nonEmpty(v.campaignExternalId), asset: nonEmpty(v.asset),
        person: Object.keys(person).length ? person : undefined,
        properties: Object.keys(extra).length ? extra : undefined,
      }).filter(([, x]) => x !== undefined));
    });
    const ctx = { ...env.ctx, db: tx };
    const { valid, issues } = await validateTouchpoints(ctx, items, { pathPrefix: '' });
    const errors = issues.flatMap(({ index, issues: list }) => list.map((i) => ({
      rowNumber: rows[index]!.rowNumber, field: i.path.split('.').slice(1).join('.') || null, code: i.code ?? 'invalid_value',
      message: i.path.endsWith('occurredAt') && !items[index]!.occurredAt ? 'a scan time is required (or give the event date for the whole file)' : i.message,
    })));
    await writeTouchpoints(ctx, valid, { importId: env.importId });
    return { ok: valid.length, errors };
  };
}
