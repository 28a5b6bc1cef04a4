import { sql } from 'drizzle-orm';
import type { ChunkWriter, RowError } from './import-types.js';
import { PersonRow } from './import-rows.js';
import { lookupAccounts, lookupUsers, parseRows, uniq } from './resolve-refs.js';

const STAGE_DATES = [['mqlAt', 'mql'], ['salAt', 'sal'], ['sqlAt', 'sql'], ['opportunityAt', 'opportunity'], ['customerAt', 'customer']] as const;

/**
 * Upserts people by e-mail. Given cells update the person; empty cells never erase. Historical
 * creation and stage dates become lifecycle transitions, each recorded once however often the
 * file is imported.
 */
export const writePeopleRows: ChunkWriter = async (tx, rows, env) => {
  const { good, errors } = parseRows(rows, PersonRow, env.customFields, 'person');
  const users = await lookupUsers(tx, uniq(good.map((g) => g.data.ownerEmail)), uniq(good.map((g) => g.data.ownerExternalId)));
  const accounts = await lookupAccounts(tx, uniq(good.map((g) => g.data.accountExternalId)), []);
  const seen = new Set<string>();
  const records = good.flatMap(({ row, data, custom }) => {
    const fail = (field: string, message: string): [] => { errors.push({ rowNumber: row.rowNumber, field, code: 'unknown_reference', message }); return []; };
    if (seen.has(data.email)) return fail('email', `${data.email} appears earlier in this file`);
    const ownerId = data.ownerEmail ? users.byEmail.get(data.ownerEmail) : data.ownerExternalId ? users.byExternal.get(data.ownerExternalId) : undefined;
    if ((data.ownerEmail || data.ownerExternalId) && !ownerId) return fail(data.ownerEmail ? 'ownerEmail' : 'ownerExternalId', 'no Truce user with this e-mail or id');
    const accountId = data.accountExternalId ? accounts.byExternal.get(data.accountExternalId) : undefined;
    if (data.accountExternalId && !accountId) return fail('accountExternalId', `no account with external id "${data.accountExternalId}"`);
    seen.add(data.email);
    const stages = STAGE_DATES.flatMap(([k, stage]) => (data[k] ? [{ stage, at: data[k] }] : []));
    const latest = [...stages].sort((a, b) => a.at.localeCompare(b.at)).pop();
    return [{
      row: row.rowNumber, email: data.email, external_id: data.externalId ?? null, first_name: data.firstName ?? null, last_name: data.lastName ?? null,
      title: data.title ?? null, company_name: data.companyName ?? null, country: data.country ?? null, phone: data.phone ?? null,
      seniority: data.seniority ?? null, buying_role: data.buyingRole ?? null, region: data.region ?? null, consent_status: data.consentStatus ?? null,
      original_source: data.originalSource ?? null, original_channel: data.originalChannel ?? null,
      lifecycle_stage: data.lifecycleStage ?? latest?.stage ?? null, owner_id: ownerId ?? null, account_id: accountId ?? null,
      created_at: data.createdAt ?? null, custom, stages,
    }];
  });
  if (records.length === 0) return { ok: 0, errors };
  const now = env.ctx.clock.now().toISOString();
  const payload = JSON.stringify(records);
  await tx.execute(sql`create temp table _rows on commit drop as
    select * from json_to_recordset(${payload}::json) as r(
      "row" int, email text, external_id text, first_name text, last_name text, title text, company_name text, country text, phone text,
      seniority text, buying_role text, region text, consent_status text, original_source text, original_channel text,
      lifecycle_stage text, owner_id uuid, account_id uuid, created_at timestamptz, custom jsonb, stages json)`);
  const conflicts = await tx.execute<{ row: number; email: string }>(sql`
    select r."row", r.email from _rows r join people p on p.external_id = r.external_id and p.email <> r.email`);
  for (const c of conflicts.rows) errors.push({ rowNumber: c.row, field: 'externalId', code: 'conflict', message: `this external id belongs to another person than ${c.email}` });
  await tx.execute(sql`delete from _rows r using people p where p.external_id = r.external_id and p.email <> r.email`);
  await tx.execute(sql`
    insert into people as p (email, external_id, first_name, last_name, title, company_name, country, phone, seniority, buying_role, region,
      consent_status, consent_at, consent_source, original_source, original_channel, lifecycle_stage, owner_id, account_id, custom, created_at, updated_at)
    select r.email, r.external_id, r.first_name, r.last_name, r.title, r.company_name, r.country, r.phone, r.seniority, r.buying_role, r.region,
      coalesce(r.consent_status, 'unknown'), case when r.consent_status is not null then ${now}::timestamptz end,
      case when r.consent_status is not null then 'import' end, r.original_source, r.original_channel, coalesce(r.lifecycle_stage, 'lead'), r.owner_id,
      coalesce(r.account_id, (select d.account_id from account_domains d where d.domain = split_part(r.email, '@', 2)
        and not exists (select 1 from free_mail_domains f where f.domain = d.domain))),
      coalesce(r.custom, '{}'::jsonb), coalesce(r.created_at, ${now}::timestamptz), ${now}::timestamptz
    from _rows r
    on conflict (email) do update set
      external_id = coalesce(excluded.external_id, p.external_id), first_name = coalesce(excluded.first_name, p.first_name),
      last_name = coalesce(excluded.last_name, p.last_name), title = coalesce(excluded.title, p.title),
      company_name = coalesce(excluded.company_name, p.company_name), country = coalesce(excluded.country, p.country),
      phone = coalesce(excluded.phone, p.phone), seniority = coalesce(excluded.seniority, p.seniority),
      buying_role = coalesce(excluded.buying_role, p.buying_role), region = coalesce(excluded.region, p.region),
      original_source = coalesce(p.original_source, excluded.original_source), original_channel = coalesce(p.original_channel, excluded.original_channel),
      owner_id = coalesce(excluded.owner_id, p.owner_id), account_id = coalesce(p.account_id, excluded.account_id),
      custom = p.custom || excluded.custom, updated_at = excluded.updated_at`);
  // Explicit values from the file win over what the insert defaulted: creation time, stage, consent.
  await tx.execute(sql`
    update people p set created_at = coalesce(r.created_at, p.created_at),
      lifecycle_stage = coalesce(r.lifecycle_stage, p.lifecycle_stage),
      consent_status = coalesce(r.consent_status, p.consent_status),
      consent_at = case when r.consent_status is not null and r.consent_status <> p.consent_status then ${now}::timestamptz else p.consent_at end
    from _rows r where p.email = r.email
      and (r.created_at is not null or r.lifecycle_stage is not null or r.consent_status is not null)`);
  // Each transition names the stage before it (from what is recorded and what this row adds).
  await tx.execute(sql`
    with cand as (
      select p.id as person_id, s.stage, s.at
      from _rows r join people p on p.email = r.email
      cross join lateral (
        select 'lead' as stage, p.created_at as at
        union all select x->>'stage', (x->>'at')::timestamptz from json_array_elements(r.stages) x) s
      where not exists (select 1 from stage_transitions t where t.person_id = p.id and t.to_stage = s.stage and t.occurred_at = s.at)
        and (s.stage <> 'lead' or not exists (select 1 from stage_transitions t where t.person_id = p.id)))
      , timeline as (
      select person_id, stage, at, true as is_new from cand
      union all select t.person_id, t.to_stage, t.occurred_at, false from stage_transitions t where t.person_id in (select person_id from cand))
      , ordered as (select *, lag(stage) over (partition by person_id order by at) as prev from timeline)
    insert into stage_transitions (person_id, from_stage, to_stage, occurred_at, actor_type, actor_id, reason)
    select person_id, prev, stage, at, 'import', ${env.importId}, 'imported history' from ordered where is_new`);
  const ok = records.length - conflicts.rows.length;
  return { ok, errors: errors as RowError[] };
};
