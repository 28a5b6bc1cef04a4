import { DomainError, type Issue } from '../shared/errors.js';
import type { CustomField } from './custom-field.schema.js';

export type CustomValue = string | number | boolean | null;

/**
 * Validates and normalises custom values against their definitions (pure). Text from a CSV
 * ("42", "true", "2024-05-01") is converted to the field's type. Returns the issues instead of
 * throwing so imports can report them per row.
 */
export function normaliseCustomValues(
  defs: CustomField[],
  values: Record<string, unknown>,
  pathPrefix = 'custom',
): { values: Record<string, CustomValue>; issues: Issue[] } {
  const byKey = new Map(defs.map((d) => [d.key, d]));
  const out: Record<string, CustomValue> = {};
  const issues: Issue[] = [];
  for (const [key, raw] of Object.entries(values)) {
    const path = `${pathPrefix}.${key}`;
    const def = byKey.get(key);
    if (!def) {
      issues.push({ path, code: 'unknown_custom_field', message: `no custom field "${key}" is defined` });
      continue;
    }
    if (raw === null || raw === undefined || raw === '') {
      out[key] = null;
      continue;
    }
    const v = convert(def, raw);
    if (v === undefined) issues.push({ path, code: 'invalid_custom_value', message: describe(def) });
    else out[key] = v;
  }
  return { values: out, issues };
}

export function assertCustomValues(defs: CustomField[], values: Record<string, unknown>): Record<string, CustomValue> {
  const { values: out, issues } = normaliseCustomValues(defs, values);
  if (issues.length > 0) {
    const code = issues.some((i) => i.code === 'unknown_custom_field') ? 'unknown_custom_field' : 'invalid_custom_value';
    throw new DomainError(code, issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
  }
  return out;
}

function convert(def: CustomField, raw: unknown): CustomValue | undefined {
  switch (def.type) {
    case 'text':
      return typeof raw === 'string' ? raw : typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : undefined;
    case 'number': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
      return Number.isFinite(n) ? n : undefined;
    }
    case 'boolean':
      if (typeof raw === 'boolean') return raw;
      if (typeof raw === 'string' && /^(true|yes|1)$/i.test(raw.trim())) return true;
      if (typeof raw === 'string' && /^(false|no|0)$/i.test(raw.trim())) return false;
      return undefined;
    case 'date':
      return typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw.trim()) && !Number.isNaN(Date.parse(raw.trim()))
        ? raw.trim() : undefined;
    case 'picklist':
      return typeof raw === 'string' && (def.options ?? []).includes(raw.trim()) ? raw.trim() : undefined;
  }
}

function describe(def: CustomField): string {
  switch (def.type) {
    case 'number': return 'expected a number';
    case 'boolean': return 'expected true or false';
    case 'date': return 'expected a date as YYYY-MM-DD';
    case 'picklist': return `expected one of: ${(def.options ?? []).join(', ')}`;
    default: return 'expected text';
  }
}
