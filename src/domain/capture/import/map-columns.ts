import type { ImportKind } from '../../../db/schema/vocabulary.js';
import { DomainError } from '../../shared/errors.js';
import { autoMap, type ImportField } from './import-fields.js';

/**
 * Which field each CSV column feeds (null: an unmapped column, kept as touch properties). The
 * caller's mapping wins; other headers are matched by name and alias. A file that lacks a
 * required column is refused at its header, not row by row.
 */
export function mapColumns(kind: ImportKind, headers: string[], fields: ImportField[], mapping: Record<string, string> | null, defaults: { occurredAt?: string | undefined; campaignExternalId?: string | undefined }): (string | null)[] {
  const given = mapping ? Object.fromEntries(Object.entries(mapping).map(([h, k]) => [h.trim(), k])) : null;
  const unmatched = Object.keys(given ?? {}).filter((h) => !headers.includes(h));
  if (unmatched.length) {
    throw new DomainError('validation_failed', `The mapping names ${unmatched.map((h) => `"${h}"`).join(', ')}, which the file's header row does not have. Its columns are: ${headers.join(', ')}.`,
      unmatched.map((h) => ({ path: `mapping.${h}`, message: 'no such column in the file' })));
  }
  const auto = autoMap(headers.filter((h) => !(given && h in given)), fields.filter((f) => !Object.values(given ?? {}).includes(f.key)));
  const merged: Record<string, string> = { ...auto, ...(given ?? {}) };
  const keys = headers.map((h) => merged[h] || null);
  const mapped = new Set(keys);
  const missing = fields.filter((f) => f.required && !mapped.has(f.key) && !(f.key === 'occurredAt' && (defaults.occurredAt || defaults.campaignExternalId || mapped.has('campaignExternalId'))));
  if (kind === 'opportunities' && !mapped.has('accountExternalId') && !mapped.has('accountDomain')) {
    missing.push({ key: 'accountExternalId', label: 'Account external id or Account domain', required: true, type: 'text', description: '' });
  }
  if (missing.length) {
    const names = missing.map((f) => `${f.label} (${f.key})`).join(', ');
    throw new DomainError('validation_failed',
      `No column of the file is mapped to ${names}, which ${missing.length > 1 ? 'are' : 'is'} required. The file's columns are: ${headers.join(', ') || 'none'}. Rename the column or map it, then import again.`,
      missing.map((f) => ({ path: `mapping.${f.key}`, message: 'required field has no column' })));
  }
  return keys;
}
