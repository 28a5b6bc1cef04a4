import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import type { LeadFacts } from './evaluate-routing.js';
import { matchByName, nameStem } from './match-account.js';

export type Lead = LeadFacts & { stage: string; email: string; mqlAt: Date | null; modelId: string | null; notes: string[] };

type Row = {
  id: string; email: string; country: string | null; region: string | null; company_name: string | null; stage: string;
  account_id: string | null; a_name: string | null; owner_id: string | null; industry: string | null; employee_count: number | null; tier: string | null; a_country: string | null; a_region: string | null;
  domain_match: boolean; mql_at: Date | null; model_id: string | null;
};

/**
 * The facts routing needs about these people: their account (linked by e-mail domain, else
 * matched by company name, with a confidence) and when and by which model they became an MQL.
 */
export async function loadLeadFacts(db: Database, personIds: string[]): Promise<Lead[]> {
  if (personIds.length === 0) return [];
  const { rows } = await db.execute<Row>(sql`
    select p.id, p.email, p.country, p.region, p.company_name, p.lifecycle_stage as stage,
      a.id as account_id, a.name as a_name, a.owner_id, a.industry, a.employee_count, a.tier, a.country as a_country, a.region as a_region,
      exists (select 1 from account_domains d where d.domain = split_part(p.email, '@', 2) and d.account_id = a.id) as domain_match,
      m.occurred_at as mql_at, m.model_id
    from people p
    left join accounts a on a.id = p.account_id
    left join lateral (select t.occurred_at, t.model_id from stage_transitions t where t.person_id = p.id and t.to_stage = 'mql' order by t.occurred_at desc, t.id desc limit 1) m on true
    where p.id in (${sql.join(personIds.map((id) => sql`${id}::uuid`), sql`, `)})`);
  const leads: Lead[] = [];
  for (const r of rows) {
    const lead: Lead = {
      personId: r.id, email: r.email, country: r.country, region: r.region, stage: r.stage, mqlAt: r.mql_at ? new Date(r.mql_at) : null, modelId: r.model_id, notes: [],
      account: r.account_id ? { id: r.account_id, name: r.a_name!, ownerId: r.owner_id, industry: r.industry, employeeCount: r.employee_count, tier: r.tier, country: r.a_country, region: r.a_region } : null,
      match: r.account_id ? { accountId: r.account_id, via: 'record', confidence: 1, detail: r.domain_match ? `e-mail domain ${r.email.split('@')[1]}` : 'linked account' } : null,
    };
    if (!r.account_id && r.company_name && nameStem(r.company_name)) {
      const { rows: candidates } = await db.execute<{ id: string; name: string; owner_id: string | null; industry: string | null; employee_count: number | null; tier: string | null; country: string | null; region: string | null }>(sql`
        select id, name, owner_id, industry, employee_count, tier, country, region from accounts
        where lower(name) like ${nameStem(r.company_name) + '%'} order by name limit 50`);
      const m = matchByName(r.company_name, candidates);
      if (m && 'ambiguous' in m) lead.notes.push(`company name “${r.company_name}” matches several accounts (${m.ambiguous.slice(0, 3).join(', ')}): not matched`);
      else if (m) {
        const a = candidates.find((c) => c.id === m.accountId)!;
        lead.account = { id: a.id, name: a.name, ownerId: a.owner_id, industry: a.industry, employeeCount: a.employee_count, tier: a.tier, country: a.country, region: a.region };
        lead.match = m;
      }
    }
    leads.push(lead);
  }
  return leads;
}
