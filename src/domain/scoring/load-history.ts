import { sql } from 'drizzle-orm';
import type { Ctx } from '../shared/context.js';
import { loadScoringFacts, type ScoringSubject } from './load-scoring-facts.js';
import { rewindFacts } from './rewind-facts.js';

export type Person = { subject: ScoringSubject; converted: boolean; customer: boolean };

const CONVERTED = ['sql', 'opportunity', 'customer', 'evangelist'];
const HANDED_OFF = ['sal', 'sql', 'opportunity', 'customer', 'evangelist'];

/**
 * The people a model is judged on: known at the cutoff and not yet handed to sales, with their
 * facts as they were at the cutoff (rewind-facts.ts), their touches (callers keep those up to the cutoff) and whether they reached SQL, or
 * became customers, between the cutoff and the end.
 */
export async function loadHistory(ctx: Ctx, cutoff: Date, end: Date): Promise<Person[]> {
  const { rows } = await ctx.db.execute<{ id: string; converted: boolean; customer: boolean }>(sql`
    select p.id,
      exists (select 1 from stage_transitions st where st.person_id = p.id and st.to_stage in (${sql.join(CONVERTED.map((s) => sql`${s}`), sql`, `)})
              and st.occurred_at > ${cutoff} and st.occurred_at <= ${end}) as converted,
      exists (select 1 from stage_transitions st where st.person_id = p.id and st.to_stage = 'customer'
              and st.occurred_at > ${cutoff} and st.occurred_at <= ${end}) as customer
    from people p
    where p.created_at <= ${cutoff}
      and not exists (select 1 from stage_transitions st where st.person_id = p.id and st.occurred_at <= ${cutoff}
                      and st.to_stage in (${sql.join(HANDED_OFF.map((s) => sql`${s}`), sql`, `)}))`);
  const people: Person[] = [];
  for (let i = 0; i < rows.length; i += 2_000) {
    const chunk = rows.slice(i, i + 2_000);
    const byId = new Map(chunk.map((r) => [r.id, r]));
    const subjects = await loadScoringFacts(ctx.db, chunk.map((r) => r.id));
    await rewindFacts(ctx.db, subjects, cutoff);
    for (const subject of subjects) {
      const r = byId.get(subject.personId)!;
      people.push({ subject, converted: r.converted, customer: r.customer });
    }
  }
  return people;
}
