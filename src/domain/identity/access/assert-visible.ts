import { sql, type SQL } from 'drizzle-orm';
import type { Ctx, Principal } from '../../shared/context.js';
import { notFound, recordForbidden } from '../../shared/errors.js';
import { accountsScope, opportunitiesScope, peopleScope } from './record-scope.js';

const RECORDS = {
  person: { table: 'people', scope: peopleScope },
  account: { table: 'accounts', scope: accountsScope },
  opportunity: { table: 'opportunities', scope: opportunitiesScope },
} as const satisfies Record<string, { table: string; scope: (p: Principal) => SQL | undefined }>;

export type ScopedRecord = keyof typeof RECORDS;

/**
 * 404 when the record does not exist, 403 `record_forbidden` (logged) when it exists but is not
 * the principal's. Every get/update/sub-resource of a scoped record type calls this first.
 */
export async function assertVisible(ctx: Ctx, record: ScopedRecord, id: string): Promise<void> {
  const { table, scope } = RECORDS[record];
  const predicate = scope(ctx.principal);
  const visible = predicate ?? sql`true`;
  const { rows } = await ctx.db.execute<{ visible: boolean }>(
    sql`select ${visible} as visible from ${sql.identifier(table)} where ${sql.identifier(table)}."id" = ${id}::uuid`);
  if (!rows.length) throw notFound(record, id);
  if (!rows[0]!.visible) {
    ctx.log.warn({ userId: ctx.principal.userId, role: ctx.principal.role, record, id }, 'refused: record outside the principal\'s scope');
    throw recordForbidden(record, id);
  }
}
