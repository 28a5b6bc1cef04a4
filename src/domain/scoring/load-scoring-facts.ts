import type { Database } from '../../db/client.js';
import { queryPrepared } from '../../db/prepared.js';
import type { Channel, LifecycleStage, TouchKind } from '../../db/schema/vocabulary.js';
import type { PersonFacts, TouchFact } from './score-person.js';
import type { StoredDigests } from './score-people.js';

/** `digest`: the stored score's digests (see scoreRow), null when none is stored. */
export type ScoringSubject = { personId: string; stage: LifecycleStage; stageSince: Date | null; facts: PersonFacts; touches: TouchFact[]; digest: StoredDigests | null };

type Row = {
  id: string; stage: LifecycleStage; since: string | null; digest: string | null; xd: string | null; tt: boolean | null; person: Record<string, unknown>; account: Record<string, unknown> | null;
  touches: { id: number; at: string; kind: TouchKind; channel: Channel; campaignId: string | null; asset: string | null; properties: Record<string, unknown> }[] | null;
};

/**
 * What scoring reads for a set of people, in one query: their fields (with the e-mail domain and
 * whether it is free-mail), their account's fields, and their effective touches.
 */
export async function loadScoringFacts(db: Database, personIds: string[]): Promise<ScoringSubject[]> {
  if (personIds.length === 0) return [];
  const { rows } = personIds.length === 1
    ? await queryPrepared<Row>(db, 'truce_scoring_facts_one', FACTS_ONE, [personIds[0]])
    : await queryPrepared<Row>(db, 'truce_scoring_facts', FACTS, [personIds]);
  return rows.map((r) => ({
    personId: r.id,
    stage: r.stage,
    stageSince: r.since ? new Date(r.since) : null,
    facts: { person: r.person, account: r.account },
    touches: (r.touches ?? []).map((t) => ({ ...t, occurredAt: new Date(t.at) })),
    digest: r.digest === null ? null : { d: r.digest, xd: r.xd, tt: r.tt === true },
  }));
}

/** The fields scoring may read of a person (`p`) and of their account (`a`, left-joined), as two JSON columns. */
export const FACTS_COLUMNS = `
      json_build_object('title', p.title, 'seniority', p.seniority, 'country', p.country, 'consentStatus', p.consent_status,
        'emailDomain', split_part(p.email, '@', 2),
        'isFreeMail', exists (select 1 from free_mail_domains f where f.domain = split_part(p.email, '@', 2)),
        'custom', p.custom) as person,
      case when a.id is null then null else json_build_object('industry', a.industry, 'employeeCount', a.employee_count,
        'annualRevenue', a.annual_revenue::float8, 'country', a.country, 'tier', a.tier, 'custom', a.custom) end as account`;

/**
 * Prepared (each connection plans it once: planning was most of a one-person read). One person is
 * read with a scalar parameter: for an array the planner guesses ten people, finds its generic plan
 * ten times the cost of the plan for one and so plans every execution again (~1.5 ms on PGlite).
 */
const factsOf = (where: string) => `
    select p.id, p.lifecycle_stage as stage, s.digest, s.explanation_digest as xd, s.touched_through is not null as tt,
      -- When they left: read only for the stages a person comes back from (see mqlMove).
      case when p.lifecycle_stage in ('recycled', 'disqualified') then (select max(st.occurred_at) from stage_transitions st where st.person_id = p.id) end as since,
      ${FACTS_COLUMNS},
      (select json_agg(json_build_object('id', t.id, 'at', t.occurred_at, 'kind', t.kind, 'channel', t.channel,
          'campaignId', t.campaign_id, 'asset', t.asset, 'properties', t.properties) order by t.occurred_at, t.id)
       from touchpoints t
       where t.person_id = p.id and not t.retracted and not exists (select 1 from touchpoints c where c.corrects_id = t.id)) as touches
    from people p left join accounts a on a.id = p.account_id left join person_scores s on s.person_id = p.id
    where ${where}`;
const FACTS = factsOf('p.id = any($1::uuid[])');
const FACTS_ONE = factsOf('p.id = $1::uuid');
