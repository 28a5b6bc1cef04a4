import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { actorLabel, type Ctx } from '../shared/context.js';
import type { NormalisedTouch } from './touchpoint.schema.js';

export type WriteResult = {
  created: number; duplicates: number; peopleCreated: number; accountsCreated: number;
  /** The people whose timeline gained a touch (for scoring). */
  personIds: string[];
};

/**
 * Writes validated touches set-based, in one transaction: the batch travels as ONE jsonb
 * parameter into a temporary table, then a handful of statements collect the people not
 * known yet, create accounts for their unknown corporate domains (free-mail never matches),
 * insert those people already linked to their account, fill blanks on known people, record the
 * new people's first lifecycle stage, and insert the touches (idempotent on external_id). The same SQL runs on PGlite and PostgreSQL.
 */
export async function writeTouchpoints(ctx: Ctx, touches: NormalisedTouch[], options: { importId?: string } = {}): Promise<WriteResult> {
  if (touches.length === 0) return { created: 0, duplicates: 0, peopleCreated: 0, accountsCreated: 0, personIds: [] };
  const now = ctx.clock.now().toISOString();
  const recordedBy = options.importId ? `import:${options.importId}` : actorLabel(ctx.actor);
  const payload = JSON.stringify(touches.map((t) => ({
    x: t.externalId, t: t.occurredAt, e: t.email, p: t.personId, a: t.accountId, ch: t.channel, k: t.kind, s: t.side,
    c: t.campaignId, as: t.asset, pr: t.properties,
    fn: t.person?.firstName ?? null, ln: t.person?.lastName ?? null, ti: t.person?.title ?? null,
    co: t.person?.companyName ?? null, cn: t.person?.country ?? null, ph: t.person?.phone ?? null,
  })));
  return ctx.db.transaction(async (tx) => {
    await stage(tx, payload);
    await collectNewPeople(tx);
    const accountsCreated = await createAccountsForNewDomains(tx, now);
    const peopleCreated = await insertNewPeople(tx, now);
    await fillInPeople(tx, now);
    await tx.execute(sql`
      insert into stage_transitions (person_id, from_stage, to_stage, occurred_at, actor_type, actor_id, reason)
      select id, null, 'lead', created_at, ${ctx.actor.type}, ${options.importId ?? ctx.actor.id}, 'first touch captured'
      from _new_people`);
    const { created, personIds } = await insertTouches(tx, recordedBy);
    await tx.execute(sql`
      insert into audit_log (at, actor_type, actor_id, entity, entity_id, action, after)
      select ${now}::timestamptz, ${ctx.actor.type}, ${ctx.actor.id}, 'person', id::text, 'create',
             jsonb_build_object('email', email, 'via', 'touchpoint')
      from _new_people
      union all
      select ${now}::timestamptz, ${ctx.actor.type}, ${ctx.actor.id}, 'touchpoint_batch', ${options.importId ?? 'api'}, 'ingest',
             jsonb_build_object('touches', ${touches.length}::int, 'created', ${created}::int, 'accountsCreated', ${accountsCreated}::int)`);
    return { created, duplicates: touches.length - created, peopleCreated, accountsCreated, personIds };
  });
}

async function stage(tx: Database, payload: string): Promise<void> {
  await tx.execute(sql`create temp table _in (
      external_id text, occurred_at timestamptz, email text, person_id uuid, account_id uuid, channel text, kind text,
      side text, campaign_id uuid, asset text, properties jsonb, first_name text, last_name text, title text,
      company_name text, country text, phone text) on commit drop`);
  await tx.execute(sql`create temp table _new_people (id uuid, email text, created_at timestamptz) on commit drop`);
  await tx.execute(sql`create temp table _cand (email text, domain text, first_name text, last_name text, title text,
      company_name text, country text, phone text, side text, channel text, first_at timestamptz) on commit drop`);
  await tx.execute(sql`
    insert into _in
    select x, t, e, p, a, ch, k, s, c, "as", coalesce(pr, '{}'::jsonb), fn, ln, ti, co, cn, ph
    from json_to_recordset(${payload}::json) as r(
      x text, t timestamptz, e text, p uuid, a uuid, ch text, k text, s text, c uuid, "as" text, pr jsonb,
      fn text, ln text, ti text, co text, cn text, ph text)`);
}

/** People not known yet, each with the attributes of their earliest touch in the batch. */
async function collectNewPeople(tx: Database): Promise<void> {
  await tx.execute(sql`
    insert into _cand
    select distinct on (s.email) s.email, split_part(s.email, '@', 2), s.first_name, s.last_name, s.title, s.company_name,
           s.country, s.phone, s.side, s.channel, s.occurred_at
    from _in s
    where s.email is not null and not exists (select 1 from people p where p.email = s.email)
    order by s.email, s.occurred_at`);
}

async function createAccountsForNewDomains(tx: Database, now: string): Promise<number> {
  const r = await tx.execute(sql`
    with doms as materialized (
      select gen_random_uuid() as id, domain, coalesce(company_name, initcap(replace(split_part(domain, '.', 1), '-', ' '))) as name, country
      from (select distinct on (c.domain) c.domain, c.company_name, c.country from _cand c
            where c.domain <> ''
              and not exists (select 1 from free_mail_domains f where f.domain = c.domain)
              and not exists (select 1 from account_domains d where d.domain = c.domain)
            order by c.domain, c.company_name nulls last) d),
    acc as (insert into accounts (id, name, country, created_at, updated_at)
            select id, name, country, ${now}::timestamptz, ${now}::timestamptz from doms returning id)
    insert into account_domains (domain, account_id) select domain, id from doms`);
  return r.rowCount ?? 0;
}

/** A person first seen through a touch was created when that touch happened (history is kept). */
async function insertNewPeople(tx: Database, now: string): Promise<number> {
  const r = await tx.execute(sql`
    with ins as (
      insert into people (email, first_name, last_name, title, company_name, country, phone,
                          original_source, original_channel, lifecycle_stage, account_id, created_at, updated_at)
      select c.email, c.first_name, c.last_name, c.title, c.company_name, c.country, c.phone, c.side, c.channel, 'lead',
             (select d.account_id from account_domains d where d.domain = c.domain
                and not exists (select 1 from free_mail_domains f where f.domain = c.domain)),
             c.first_at, ${now}::timestamptz
      from _cand c
      on conflict (email) do nothing
      returning id, email, created_at)
    insert into _new_people select id, email, created_at from ins`);
  return r.rowCount ?? 0;
}

/** Fills blanks on known people from what a touch carries; never overwrites a known value. */
async function fillInPeople(tx: Database, now: string): Promise<void> {
  await tx.execute(sql`
    update people p set
      first_name = coalesce(p.first_name, s.first_name), last_name = coalesce(p.last_name, s.last_name),
      title = coalesce(p.title, s.title), company_name = coalesce(p.company_name, s.company_name),
      country = coalesce(p.country, s.country), phone = coalesce(p.phone, s.phone), updated_at = ${now}::timestamptz
    from (select distinct on (email) email, first_name, last_name, title, company_name, country, phone
          from _in where email is not null
            and coalesce(first_name, last_name, title, company_name, country, phone) is not null
          order by email, occurred_at desc) s
    where p.email = s.email
      and not exists (select 1 from _new_people n where n.id = p.id)
      and ((p.first_name is null and s.first_name is not null) or (p.last_name is null and s.last_name is not null)
        or (p.title is null and s.title is not null) or (p.company_name is null and s.company_name is not null)
        or (p.country is null and s.country is not null) or (p.phone is null and s.phone is not null))`);
}

async function insertTouches(tx: Database, recordedBy: string): Promise<{ created: number; personIds: string[] }> {
  const r = await tx.execute<{ person_id: string | null }>(sql`
    with ins as (insert into touchpoints (external_id, occurred_at, person_id, account_id, channel, kind, campaign_id, asset, side, properties, recorded_by)
    select s.external_id, s.occurred_at, coalesce(s.person_id, p.id),
           coalesce(s.account_id, p.account_id, pp.account_id),
           s.channel, s.kind, s.campaign_id, s.asset, s.side, s.properties, ${recordedBy}
    from _in s
    left join people p on p.email = s.email
    left join people pp on pp.id = s.person_id
    order by s.occurred_at
    on conflict (external_id) do nothing
    returning person_id)
    select person_id from ins`);
  return { created: r.rows.length, personIds: [...new Set(r.rows.map((x) => x.person_id).filter((id): id is string => !!id))] };
}
