import { sql } from 'drizzle-orm';
import type { ChunkWriter } from './import-types.js';
import { pgArray } from './resolve-refs.js';
import { validateTouchpoints } from '../validate-touchpoints.js';
import { writeTouchpoints } from '../write-touchpoints.js';

const PERSON_KEYS = ['firstName', 'lastName', 'title', 'companyName', 'country', 'phone'] as const;

/** Touches (and badge scans) go through capture's own validation and set-based write. */
export function touchRowWriter(kind: 'touchpoints' | 'badge_scans'): ChunkWriter {
  return async (tx, rows, env) => {
    const nonEmpty = (s: string | undefined) => (s && s.trim() !== '' ? s.trim() : undefined);
    const campaignOf = (v: Record<string, string>) => nonEmpty(v.campaignExternalId) ?? env.options.campaignExternalId;
    // A scan without its own time happened at the event: the import's date, else the campaign's start.
    const undated = [...new Set(rows.filter((r) => !nonEmpty(r.values.occurredAt) && !env.options.occurredAt).flatMap((r) => campaignOf(r.values) ?? []))];
    const starts = new Map(undated.length
      ? (await tx.execute<{ external_id: string; starts_on: string }>(sql`select external_id, starts_on::text from campaigns
          where external_id = any(${pgArray(undated)}::text[]) and starts_on is not null`)).rows.map((c) => [c.external_id, c.starts_on])
      : []);
    const items = rows.map(({ values: v, extra }) => {
      const person = Object.fromEntries(PERSON_KEYS.flatMap((k) => (nonEmpty(v[k]) ? [[k, nonEmpty(v[k])]] : [])));
      const campaign = campaignOf(v);
      const occurredAt = nonEmpty(v.occurredAt) ?? env.options.occurredAt ?? (campaign ? starts.get(campaign) : undefined);
      return Object.fromEntries(Object.entries({
        externalId: nonEmpty(v.externalId),
        occurredAt: occurredAt && /^\d{4}-\d{2}-\d{2}$/.test(occurredAt) ? `${occurredAt}T00:00:00Z` : occurredAt,
        kind: kind === 'badge_scans' ? 'badge_scan' : nonEmpty(v.kind)?.toLowerCase(),
        channel: nonEmpty(v.channel)?.toLowerCase(), side: nonEmpty(v.side)?.toLowerCase(),
        email: nonEmpty(v.email), campaignExternalId: campaign, asset: nonEmpty(v.asset),
        person: Object.keys(person).length ? person : undefined,
        properties: Object.keys(extra).length ? extra : undefined,
      }).filter(([, x]) => x !== undefined));
    });
    const ctx = { ...env.ctx, db: tx };
    const { valid, issues } = await validateTouchpoints(ctx, items, { pathPrefix: '' });
    const errors = issues.flatMap(({ index, issues: list }) => list.map((i) => ({
      rowNumber: rows[index]!.rowNumber, field: i.path.split('.').slice(1).join('.') || null, code: i.code ?? 'invalid_value',
      message: i.path.endsWith('occurredAt') && !items[index]!.occurredAt ? 'a time is required: give it in the row, give the event date for the whole file, or name a campaign with a start date' : i.message,
    })));
    await writeTouchpoints(ctx, valid, { importId: env.importId });
    return { ok: valid.length, errors };
  };
}
