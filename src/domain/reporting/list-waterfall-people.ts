import { sql } from 'drizzle-orm';
import { authorize } from '../identity/access/authorize.js';
import type { Ctx } from '../shared/context.js';
import { waterfallRange } from './get-waterfall.js';
import { loadEpisodes } from './load-episodes.js';
import { episodesBehind } from './waterfall.js';
import type { WaterfallPeople, WaterfallPeopleQuery } from './waterfall.schema.js';

/**
 * The people behind one figure of the waterfall: the same episodes, the same test as the count
 * (waterfall.ts `episodesBehind`), so `total` equals the number shown.
 */
export async function listWaterfallPeople(ctx: Ctx, q: WaterfallPeopleQuery): Promise<WaterfallPeople> {
  authorize(ctx, 'reports:read');
  authorize(ctx, 'people:read');
  const episodes = (await loadEpisodes(ctx, waterfallRange(ctx.clock.now(), q), q.by, q.key))
    .filter((e) => (q.pass === 'first' ? e.index === 0 : e.index > 0));
  const behind = episodesBehind(episodes, q.stage, q.measure).sort((a, b) => a.start - b.start || a.personId.localeCompare(b.personId));
  const page = behind.slice(0, q.limit);
  if (!page.length) return { total: behind.length, data: [] };
  const { rows } = await ctx.db.execute<{ id: string; email: string; name: string | null; stage: string }>(sql`
    select id::text, email, nullif(trim(coalesce(first_name, '') || ' ' || coalesce(last_name, '')), '') as name, lifecycle_stage as stage
    from people where id in (${sql.join(page.map((e) => sql`${e.personId}::uuid`), sql`, `)})`);
  const people = new Map(rows.map((r) => [r.id, r]));
  return {
    total: behind.length,
    data: page.map((e) => {
      const p = people.get(e.personId)!;
      const at = e.entered[q.stage];
      return { personId: e.personId, email: p.email, name: p.name, lifecycleStage: p.stage, episodeStart: new Date(e.start).toISOString(), enteredAt: at === undefined ? null : new Date(at).toISOString() };
    }),
  };
}
