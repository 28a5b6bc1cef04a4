import { sql } from 'drizzle-orm';
import type { Ctx } from '../shared/context.js';
import { scoreAndRoutePeople } from './score-and-route-people.js';

const CHUNK = 1_000;

/**
 * After a CSV import: the people it touched (its touches and badge scans, or the people and
 * accounts rows it wrote) scored under the live model, and the new MQLs routed — so a trade-show
 * list's hand-raisers reach sales the same day, not after the nightly rescore.
 */
export async function scoreImportedPeople(ctx: Ctx, importId: string): Promise<{ scored: number; becameMql: number; routed: number }> {
  const { rows: [imp] } = await ctx.db.execute<{ kind: string; started_at: Date }>(sql`select kind, created_at as started_at from imports where id = ${importId}::uuid`);
  if (!imp) return { scored: 0, becameMql: 0, routed: 0 };
  const touched = imp.kind === 'touchpoints' || imp.kind === 'badge_scans'
    ? sql`select distinct person_id as id from touchpoints where recorded_by = ${`import:${importId}`} and person_id is not null`
    : imp.kind === 'people'
      ? sql`select id from people where updated_at >= ${imp.started_at}::timestamptz`
      : imp.kind === 'accounts'
        ? sql`select p.id from people p join accounts a on a.id = p.account_id where a.updated_at >= ${imp.started_at}::timestamptz`
        : null;
  if (!touched) return { scored: 0, becameMql: 0, routed: 0 };
  const { rows } = await ctx.db.execute<{ id: string }>(touched);
  const total = { scored: 0, becameMql: 0, routed: 0 };
  for (let i = 0; i < rows.length; i += CHUNK) {
    const run = await scoreAndRoutePeople(ctx, rows.slice(i, i + CHUNK).map((r) => r.id));
    total.scored += run.scored; total.becameMql += run.becameMql; total.routed += run.routed;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return total;
}
