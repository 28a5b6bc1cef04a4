import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import type { ScoringSubject } from './load-scoring-facts.js';

type Before = Record<string, unknown>;

/** The fields scoring reads, from an audited person or account row (camelCase, as the audit stores them). */
const personFields = (b: Before) => ({ title: b.title ?? null, seniority: b.seniority ?? null, country: b.country ?? null, consentStatus: b.consentStatus ?? null, custom: (b.custom ?? {}) as Record<string, unknown> });
const accountFields = (b: Before) => ({
  industry: b.industry ?? null, employeeCount: b.employeeCount ?? null, annualRevenue: b.annualRevenue === null || b.annualRevenue === undefined ? null : Number(b.annualRevenue),
  country: b.country ?? null, tier: b.tier ?? null, custom: (b.custom ?? {}) as Record<string, unknown>,
});

/**
 * Field history for back-tests: each person's and account's fields as they were at the cutoff,
 * where the audit trail knows (every change through the app, the API or the CLI is audited with
 * the row before it): the `before` of the first change after the cutoff. Fields never changed
 * since, or changed only by imports (not audited per row), stay as they are today. So a back-test
 * never scores on a title or an industry that sales set after the fact. Returns how many were rewound.
 */
export async function rewindFacts(db: Database, subjects: ScoringSubject[], cutoff: Date): Promise<number> {
  if (subjects.length === 0) return 0;
  const ids = JSON.stringify(subjects.map((s) => s.personId));
  const { rows } = await db.execute<{ person_id: string; person_before: Before | null; account_id: string | null; account_before: Before | null }>(sql`
    with ids as (select (jsonb_array_elements_text(${ids}::jsonb))::uuid as id),
    p as (
      select distinct on (l.entity_id) l.entity_id, l.before from audit_log l
      where l.entity = 'person' and l.action = 'update' and l.at > ${cutoff}::timestamptz and l.entity_id in (select id::text from ids)
      order by l.entity_id, l.at, l.id
    ),
    link as (
      select ids.id as person_id, coalesce((p.before->>'accountId')::uuid, pe.account_id) as account_id, p.before as person_before
      from ids join people pe on pe.id = ids.id left join p on p.entity_id = ids.id::text
    ),
    a as (
      select distinct on (l.entity_id) l.entity_id, l.before from audit_log l
      where l.entity = 'account' and l.action = 'update' and l.at > ${cutoff}::timestamptz and l.entity_id in (select account_id::text from link where account_id is not null)
      order by l.entity_id, l.at, l.id
    )
    select link.person_id, link.person_before, link.account_id, a.before as account_before
    from link left join a on a.entity_id = link.account_id::text
    where link.person_before is not null or a.before is not null`);
  const bySubject = new Map(subjects.map((s) => [s.personId, s]));
  for (const r of rows) {
    const s = bySubject.get(r.person_id)!;
    if (r.person_before) s.facts.person = { ...s.facts.person, ...personFields(r.person_before) };
    if (r.account_before) s.facts.account = { ...(s.facts.account ?? {}), ...accountFields(r.account_before) };
  }
  return rows.length;
}
