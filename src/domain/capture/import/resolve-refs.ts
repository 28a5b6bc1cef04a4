import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { normaliseCustomValues, type CustomValue } from '../../custom-fields/check-custom-values.js';
import type { CustomField } from '../../custom-fields/custom-field.schema.js';
import type { ZodType } from 'zod';
import type { RowError, SourceRow } from './import-types.js';

/** Parses each row with the kind's schema and its custom columns; bad rows become errors. */
export function parseRows<T>(rows: SourceRow[], schema: ZodType<T>, customFields: CustomField[], entity: string | null) {
  const good: { row: SourceRow; data: T; custom: Record<string, CustomValue> }[] = [];
  const errors: RowError[] = [];
  const defs = customFields.filter((d) => d.entity === entity);
  for (const row of rows) {
    const plain: Record<string, string> = {};
    const customRaw: Record<string, string> = {};
    for (const [k, v] of Object.entries(row.values)) {
      if (k.startsWith('custom.')) { if (v.trim() !== '') customRaw[k.slice(7)] = v; } else plain[k] = v;
    }
    const parsed = schema.safeParse(plain);
    const custom = normaliseCustomValues(defs, customRaw);
    if (!parsed.success || custom.issues.length > 0) {
      const issues = [
        ...(parsed.success ? [] : parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? '') || null, code: 'invalid_value', message: i.message }))),
        ...custom.issues.map((i) => ({ field: i.path, code: i.code ?? 'invalid_value', message: i.message })),
      ];
      for (const i of issues) errors.push({ rowNumber: row.rowNumber, field: i.field, code: i.code, message: i.message });
      continue;
    }
    good.push({ row, data: parsed.data, custom: custom.values });
  }
  return { good, errors };
}

/** Users named by e-mail or external id, one query per chunk. */
export async function lookupUsers(tx: Database, emails: string[], externalIds: string[]): Promise<{ byEmail: Map<string, string>; byExternal: Map<string, string> }> {
  if (emails.length === 0 && externalIds.length === 0) return { byEmail: new Map(), byExternal: new Map() };
  const r = await tx.execute<{ id: string; email: string; external_id: string | null }>(sql`
    select id, email, external_id from users
    where email = any(${pgArray(emails)}::text[]) or external_id = any(${pgArray(externalIds)}::text[])`);
  return {
    byEmail: new Map(r.rows.map((u) => [u.email, u.id])),
    byExternal: new Map(r.rows.filter((u) => u.external_id).map((u) => [u.external_id!, u.id])),
  };
}

/** Accounts named by external id or domain. */
export async function lookupAccounts(tx: Database, externalIds: string[], domains: string[]): Promise<{ byExternal: Map<string, string>; byDomain: Map<string, string> }> {
  const [ext, dom] = await Promise.all([
    externalIds.length ? tx.execute<{ id: string; external_id: string }>(sql`select id, external_id from accounts where external_id = any(${pgArray(externalIds)}::text[])`) : { rows: [] },
    domains.length ? tx.execute<{ account_id: string; domain: string }>(sql`select account_id, domain from account_domains where domain = any(${pgArray(domains)}::text[])`) : { rows: [] },
  ]);
  return {
    byExternal: new Map(ext.rows.map((r) => [r.external_id, r.id])),
    byDomain: new Map(dom.rows.map((r) => [r.domain, r.account_id])),
  };
}

/** A PostgreSQL array literal of texts, each element quoted (pass it as one parameter, cast to text[]). */
export function pgArray(values: string[]): string {
  return `{${values.map((s) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

export const uniq = <T>(xs: (T | undefined | null)[]): T[] => [...new Set(xs.filter((x): x is T => x !== undefined && x !== null))];
