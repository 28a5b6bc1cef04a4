import { sql } from 'drizzle-orm';
import { actorLabel, type Ctx } from '../shared/context.js';
import type { NormalisedTouch } from './touchpoint.schema.js';
import { writeTouchpoints, type WriteResult } from './write-touchpoints.js';

/**
 * Writes ONE validated touch that names a person by email (a form post) in a single statement,
 * so a single round trip and no temporary tables: the same outcome as `writeTouchpoints` for a
 * batch of one. The person is found by email or created (with their first `lead` stage and an
 * audit row), an unknown corporate domain gets its account (free-mail never does), blanks on a
 * known person are filled, the touch is inserted idempotently on external_id, and the ingest is
 * audited like a batch.
 *
 * A single statement sees one snapshot: if another writer creates the same person or domain
 * meanwhile, our plain INSERT fails on the unique key (and nothing of ours is kept); the touch
 * then goes through the set-based path, which reads what the other writer committed.
 */
export async function writeOneTouchpoint(ctx: Ctx, touch: NormalisedTouch, options: { importId?: string } = {}): Promise<WriteResult> {
  if (!touch.email || touch.personId || touch.accountId) return writeTouchpoints(ctx, [touch], options);
  try {
    return await writeOne(ctx, touch, touch.email, options.importId);
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    ctx.log.debug({ email: touch.email }, 'single touch raced another writer; written set-based');
    return writeTouchpoints(ctx, [touch], options);
  }
}

async function writeOne(ctx: Ctx, t: NormalisedTouch, email: string, importId: string | undefined): Promise<WriteResult> {
  const now = ctx.clock.now().toISOString();
  const p = t.person;
  const fn = p?.firstName ?? null, ln = p?.lastName ?? null, ti = p?.title ?? null;
  const co = p?.companyName ?? null, cn = p?.country ?? null, ph = p?.phone ?? null;
  const domain = email.split('@')[1] ?? '';
  const actorId = importId ?? ctx.actor.id;
  const recordedBy = importId ? `import:${importId}` : actorLabel(ctx.actor);
  const r = await ctx.db.execute<{ created: number; people_created: number; accounts_created: number; person_id: string | null }>(sql`
    with
    known as (select id, account_id from people where email = ${email}),
    dom as (
      select ${domain}::text as domain
      where ${domain}::text <> '' and not exists (select 1 from known)
        and not exists (select 1 from free_mail_domains f where f.domain = ${domain})),
    dom_acc as (select d.account_id from account_domains d join dom on dom.domain = d.domain),
    new_acc as (
      insert into accounts (id, name, country, created_at, updated_at)
      select gen_random_uuid(), coalesce(${co}::text, initcap(replace(split_part(dom.domain, '.', 1), '-', ' '))), ${cn}::text,
             ${now}::timestamptz, ${now}::timestamptz
      from dom where not exists (select 1 from dom_acc)
      returning id),
    new_dom as (insert into account_domains (domain, account_id) select ${domain}, id from new_acc returning account_id),
    new_person as (
      insert into people (email, first_name, last_name, title, company_name, country, phone,
                          original_source, original_channel, lifecycle_stage, account_id, created_at, updated_at)
      select ${email}, ${fn}::text, ${ln}::text, ${ti}::text, ${co}::text, ${cn}::text, ${ph}::text, ${t.side}, ${t.channel}, 'lead',
             coalesce((select account_id from dom_acc), (select id from new_acc)), ${t.occurredAt}::timestamptz, ${now}::timestamptz
      where not exists (select 1 from known)
      returning id, account_id, created_at),
    filled as (
      update people p set
        first_name = coalesce(p.first_name, ${fn}::text), last_name = coalesce(p.last_name, ${ln}::text),
        title = coalesce(p.title, ${ti}::text), company_name = coalesce(p.company_name, ${co}::text),
        country = coalesce(p.country, ${cn}::text), phone = coalesce(p.phone, ${ph}::text), updated_at = ${now}::timestamptz
      where p.id = (select id from known)
        and ((p.first_name is null and ${fn}::text is not null) or (p.last_name is null and ${ln}::text is not null)
          or (p.title is null and ${ti}::text is not null) or (p.company_name is null and ${co}::text is not null)
          or (p.country is null and ${cn}::text is not null) or (p.phone is null and ${ph}::text is not null))
      returning p.id),
    who as (select id, account_id from known union all select id, account_id from new_person),
    touch as (
      insert into touchpoints (external_id, occurred_at, person_id, account_id, channel, kind, campaign_id, asset, side, properties, recorded_by)
      select ${t.externalId}, ${t.occurredAt}::timestamptz, w.id, w.account_id, ${t.channel}, ${t.kind}, ${t.campaignId}::uuid,
             ${t.asset}::text, ${t.side}, ${JSON.stringify(t.properties)}::jsonb, ${recordedBy}
      from who w
      on conflict (external_id) do nothing
      returning person_id),
    -- Data-modifying CTEs run to completion whether or not the final SELECT reads them.
    stage as (
      insert into stage_transitions (person_id, from_stage, to_stage, occurred_at, actor_type, actor_id, reason)
      select id, null, 'lead', created_at, ${ctx.actor.type}, ${actorId}::text, 'first touch captured' from new_person
      returning 1),
    audit as (
      insert into audit_log (at, actor_type, actor_id, entity, entity_id, action, after)
      select ${now}::timestamptz, ${ctx.actor.type}::text, ${ctx.actor.id}::text, 'person', id::text, 'create',
             jsonb_build_object('email', ${email}::text, 'via', 'touchpoint')
      from new_person
      union all
      select ${now}::timestamptz, ${ctx.actor.type}::text, ${ctx.actor.id}::text, 'touchpoint_batch', ${importId ?? 'api'}::text, 'ingest',
             jsonb_build_object('touches', 1, 'created', (select count(*) from touch)::int, 'accountsCreated', (select count(*) from new_acc)::int)
      returning 1)
    select (select count(*) from touch)::int as created, (select count(*) from new_person)::int as people_created,
           (select count(*) from new_dom)::int as accounts_created, (select person_id from touch) as person_id`);
  const row = r.rows[0]!;
  return {
    created: row.created, duplicates: 1 - row.created, peopleCreated: row.people_created, accountsCreated: row.accounts_created,
    personIds: row.person_id ? [row.person_id] : [],
    firstAt: new Map(row.person_id ? [[row.person_id, new Date(t.occurredAt)]] : []),
  };
}

/** PostgreSQL's unique_violation, as thrown by pg or wrapped by drizzle (`cause`). */
function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 3; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}
