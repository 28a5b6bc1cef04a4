import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../shared/context.js';
import { authorize } from '../identity/access/authorize.js';
import { DomainError } from '../shared/errors.js';
import { SetQuotaInput, type QuotaImportResult } from './quota.schema.js';
import { setQuota } from './set-quota.js';

/**
 * Quotas from a CSV (`email,starts_on,ends_on,amount,currency`; currency optional): each good row
 * is set as `setQuota` would (same rules, same scope), each bad one reported with its row number.
 */
export async function importQuotas(ctx: Ctx, csv: string): Promise<QuotaImportResult> {
  authorize(ctx, 'quotas:write');
  let records: Record<string, string>[];
  try {
    records = parse(csv, { columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()), skip_empty_lines: true, trim: true, bom: true });
  } catch (e) {
    throw new DomainError('invalid_csv', `The file cannot be read as CSV: ${(e as Error).message}`);
  }
  const { rows: users } = await ctx.db.execute<{ id: string; email: string }>(sql`select id::text, email from users`);
  const byEmail = new Map(users.map((u) => [u.email, u.id]));
  const errors: QuotaImportResult['errors'] = [];
  let saved = 0;
  for (const [i, r] of records.entries()) {
    const row = i + 2;
    const userId = byEmail.get((r.email ?? '').toLowerCase());
    if (!userId) { errors.push({ row, field: 'email', message: `no user with the e-mail ${r.email ?? ''}` }); continue; }
    const parsed = SetQuotaInput.safeParse({ userId, startsOn: r.starts_on, endsOn: r.ends_on, amount: Number(r.amount), currency: r.currency || undefined });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors.push({ row, field: String(issue.path[0] ?? ''), message: issue.message });
      continue;
    }
    try {
      await setQuota(ctx, parsed.data);
      saved++;
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      errors.push({ row, field: e.issues[0]?.path ?? 'email', message: e.message });
    }
  }
  return { saved, errors };
}
