import { sql } from 'drizzle-orm';
import type { Ctx } from '../shared/context.js';
import { cardPerson } from './card-access.js';
import { leadFigures } from './lead-figures.js';
import { cardPeriod } from './period.js';
import type { CardQuery, SdrCard } from './report-card.schema.js';
import { ratio } from './stats.js';

/**
 * An SDR's card for a period (default this week): the queue now, how fast and how they answered
 * the leads handed to them, how many of those they accepted went on to SQL, SQLs passed, breaches.
 */
export async function getSdrCard(ctx: Ctx, userId: string, query: CardQuery): Promise<SdrCard> {
  const person = await cardPerson(ctx, userId);
  const period = cardPeriod(ctx.clock.now(), query);
  const { from, to } = period;
  const { rows: [q] } = await ctx.db.execute<{ accepted: number; qualified: number; passed: number }>(sql`
    select
      (select count(*)::int from handoffs h where h.owner_id = ${userId}::uuid and h.accepted_at >= ${from} and h.accepted_at < ${to}) as accepted,
      (select count(*)::int from handoffs h where h.owner_id = ${userId}::uuid and h.accepted_at >= ${from} and h.accepted_at < ${to}
        and exists (select 1 from stage_transitions st where st.person_id = h.person_id and st.to_stage = 'sql' and st.occurred_at >= h.accepted_at)) as qualified,
      (select count(distinct st.person_id)::int from stage_transitions st
        where st.to_stage = 'sql' and st.occurred_at >= ${from} and st.occurred_at < ${to}
          and exists (select 1 from handoffs h where h.person_id = st.person_id and h.owner_id = ${userId}::uuid and h.accepted_at <= st.occurred_at)) as passed`);
  return {
    kind: 'sdr',
    period: { from: from.toISOString(), to: to.toISOString(), label: period.label },
    person,
    leads: await leadFigures(ctx, userId, period),
    qualificationRate: { value: ratio(q!.qualified, q!.accepted), why: q!.accepted ? null : 'no lead was accepted in the period' },
    sqlsPassed: q!.passed,
    notes: person.active ? [] : [`${person.name} is no longer active.`],
  };
}
