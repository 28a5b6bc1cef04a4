import { sql, type SQL } from 'drizzle-orm';
import type pg from 'pg';
import type { Database } from '../../db/client.js';
import { actorLabel, type Ctx } from '../shared/context.js';
import {
  canCopy, copyIntoTouchpoints, directCopyText, directTouches, encodeTouches, prepareStaging, stagePeople, stageTouches,
  type DirectTouches, type TouchStage,
} from './stage-touchpoints.js';
import type { NormalisedTouch } from './touchpoint.schema.js';

export type WriteResult = {
  created: number; duplicates: number; peopleCreated: number; accountsCreated: number;
  /** The people whose timeline gained a touch (for scoring). */
  personIds: string[];
  /** For each of them, when the earliest touch stored now happened (scoring takes touches newer than its score incrementally). */
  firstAt: Map<string, Date>;
};

/**
 * Writes validated touches set-based, in one transaction. The batch is staged into two temporary
 * tables (`stage-touchpoints.ts`: COPY on PostgreSQL, one json parameter on PGlite): the touches,
 * and one row per e-mail with what its earliest touch says (a new person is created from it) and
 * what its latest touch carrying person fields says (blanks on a known person are filled from it).
 * Then: accounts for the new people's unknown corporate domains (free-mail never matches); the new
 * people, already linked to their account, with their first lifecycle stage and audit rows;
 * blanks filled on known people; the touches (idempotent on external_id) with the batch's audit
 * row. On PostgreSQL the touches are copied straight into touchpoints with their people's ids
 * (`copyTouches`); on PGlite, or when a touch is already stored, they are staged and inserted
 * with one statement (`insertTouches`). The same SQL runs on PGlite and PostgreSQL.
 */
export async function writeTouchpoints(ctx: Ctx, touches: NormalisedTouch[], options: {
  importId?: string;
  /** This is part `index` of `of` of a batch split by `writeTouchpointsInParts` (said in its audit row). */
  part?: { index: number; of: number };
} = {}): Promise<WriteResult> {
  if (touches.length === 0) return { created: 0, duplicates: 0, peopleCreated: 0, accountsCreated: 0, personIds: [], firstAt: new Map() };
  const now = ctx.clock.now().toISOString();
  const recordedBy = options.importId ? `import:${options.importId}` : actorLabel(ctx.actor);
  const actor = { type: ctx.actor.type, id: ctx.actor.id, stageActorId: options.importId ?? ctx.actor.id };
  return ctx.db.transaction(async (tx) => {
    await prepareStaging(tx);
    await stagePeople(tx, ctx.engine, touches);
    // The people are written while the touches are encoded (the database on one core, Node on the other).
    // On PostgreSQL the touches go by COPY straight into touchpoints once the people are known
    // (no staging table, no insert-select), ordered by company for the timeline indexes' sake; a
    // batch holding a touch already stored, or repeating an external id, fails that COPY and takes
    // the staged path (which keeps the earliest of the repeats).
    const direct = canCopy(tx, ctx.engine);
    const [people, encoded] = await Promise.all([
      (async () => {
        const accountsCreated = await createAccountsForNewDomains(tx, now);
        const peopleCreated = await insertNewPeople(tx, now, actor);
        await fillInPeople(tx, now);
        return { accountsCreated, peopleCreated };
      })(),
      direct ? directTouches(touches, recordedBy) : encodeTouches(tx, ctx.engine, touches),
    ]);
    const b = {
      recordedBy, now, actor, batch: options.importId ?? 'api', touches: touches.length, accountsCreated: people.accountsCreated,
      part: options.part,
    };
    let written = 'recordedBy' in encoded ? await copyTouches(tx, encoded, b) : null;
    if (written === null || written === 'stored') {
      // Staged: PGlite, a touch already stored or a repeated external id, or text COPY cannot carry
      // (a lone surrogate: the json path refuses it, as it always did).
      const stage: TouchStage = 'recordedBy' in encoded ? await encodeTouches(tx, ctx.engine, touches) : encoded;
      await stageTouches(tx, stage);
      written = await insertTouches(tx, b, { conflictKnown: written === 'stored' });
    }
    const { created, personIds, firstAt } = written;
    return { created, duplicates: touches.length - created, peopleCreated: people.peopleCreated, accountsCreated: people.accountsCreated, personIds, firstAt };
  });
}

type Actor = { type: string; id: string | null; stageActorId: string | null };

/** Accounts for the unknown corporate domains of the people not known yet. */
async function createAccountsForNewDomains(tx: Database, now: string): Promise<number> {
  const r = await tx.execute(sql`
    with doms as materialized (
      select gen_random_uuid() as id, domain, coalesce(company_name, initcap(replace(split_part(domain, '.', 1), '-', ' '))) as name, country
      from (select distinct on (c.domain) c.domain, c.company_name, c.country
            from (select split_part(e.email, '@', 2) as domain, e.company_name, e.country from _em e
                  where not exists (select 1 from people p where p.email = e.email)) c
            where c.domain <> ''
              and not exists (select 1 from free_mail_domains f where f.domain = c.domain)
              and not exists (select 1 from account_domains d where d.domain = c.domain)
            order by c.domain, c.company_name nulls last) d),
    -- Claim each domain first: a concurrent batch that claimed it wins (ON CONFLICT waits for it and
    -- skips), and only the accounts whose domain this batch claimed are created (the foreign key is
    -- checked at the end of the statement, when both rows exist).
    dom as (insert into account_domains (domain, account_id) select domain, id from doms on conflict (domain) do nothing returning account_id)
    insert into accounts (id, name, country, created_at, updated_at)
    select d.id, d.name, d.country, ${now}::timestamptz, ${now}::timestamptz from doms d join dom on dom.account_id = d.id`);
  return r.rowCount ?? 0;
}

/**
 * The people not known yet, from their earliest touch in the batch (a person first seen through a
 * touch was created when that touch happened: history is kept), each with the first `lead` stage
 * and an audit row.
 */
async function insertNewPeople(tx: Database, now: string, actor: Actor): Promise<number> {
  const statement = (onConflict: boolean) => sql`
    with ins as (
      insert into people (email, first_name, last_name, title, company_name, country, phone,
                          original_source, original_channel, lifecycle_stage, account_id, created_at, updated_at)
      select c.email, c.first_name, c.last_name, c.title, c.company_name, c.country, c.phone, c.side, c.channel, 'lead',
             (select d.account_id from account_domains d where d.domain = split_part(c.email, '@', 2)
                and not exists (select 1 from free_mail_domains f where f.domain = d.domain)),
             c.first_at, ${now}::timestamptz
      from _em c
      where (select p.id from people p where p.email = c.email) is null
      ${onConflict ? sql`on conflict (email) do nothing` : sql``}
      returning id, email, created_at),
    st as (
      insert into stage_transitions (person_id, from_stage, to_stage, occurred_at, actor_type, actor_id, reason)
      select id, null, 'lead', created_at, ${actor.type}, ${actor.stageActorId}, 'first touch captured' from ins),
    au as (
      insert into audit_log (at, actor_type, actor_id, entity, entity_id, action, after)
      select ${now}::timestamptz, ${actor.type}, ${actor.id}, 'person', id::text, 'create',
             jsonb_build_object('email', email, 'via', 'touchpoint')
      from ins)
    insert into _new_people select id from ins`;
  // The e-mails are known to be new (not exists above), so a plain INSERT, without ON CONFLICT's
  // per-row pre-check; only another writer creating the same person meanwhile makes it fail, and
  // then the batch's people are written with ON CONFLICT DO NOTHING.
  const r = await firstPlainThenOnConflict(tx, statement, 'people_email_unique');
  return r.rowCount ?? 0;
}

/**
 * Runs `statement(false)` (a plain INSERT) in a savepoint; if it fails on the unique constraint
 * named, runs `statement(true)` (the same with ON CONFLICT DO NOTHING) instead.
 */
async function firstPlainThenOnConflict<T>(
  tx: Database, statement: (onConflict: boolean) => SQL, constraint: string,
): Promise<{ rows: T[]; rowCount: number | null }> {
  let r: { rows: unknown[]; rowCount: number | null };
  try {
    r = await tx.transaction((sp) => sp.execute(statement(false)));
  } catch (err) {
    if (!isUniqueViolation(err, constraint)) throw err;
    r = await tx.execute(statement(true));
  }
  return { rows: r.rows as T[], rowCount: r.rowCount };
}

/** Fills blanks on known people from what a touch carries; never overwrites a known value. */
async function fillInPeople(tx: Database, now: string): Promise<void> {
  await tx.execute(sql`
    update people p set
      first_name = coalesce(p.first_name, s.f_first_name), last_name = coalesce(p.last_name, s.f_last_name),
      title = coalesce(p.title, s.f_title), company_name = coalesce(p.company_name, s.f_company_name),
      country = coalesce(p.country, s.f_country), phone = coalesce(p.phone, s.f_phone), updated_at = ${now}::timestamptz
    from _em s
    where s.fill and p.email = s.email and p.email = any(array(select email from _em where fill))
      and not exists (select 1 from _new_people n where n.id = p.id)
      and ((p.first_name is null and s.f_first_name is not null) or (p.last_name is null and s.f_last_name is not null)
        or (p.title is null and s.f_title is not null) or (p.company_name is null and s.f_company_name is not null)
        or (p.country is null and s.f_country is not null) or (p.phone is null and s.f_phone is not null))`);
}

type BatchFacts = {
  recordedBy: string; now: string; actor: Actor; batch: string; touches: number; accountsCreated: number;
  part: { index: number; of: number } | undefined;
};

type Written = { created: number; personIds: string[]; firstAt: Map<string, Date> };

/** The batch's audit row; `created` is a number or the SQL counting them. */
function batchAudit(b: BatchFacts, created: SQL) {
  return sql`
    insert into audit_log (at, actor_type, actor_id, entity, entity_id, action, after)
    select ${b.now}::timestamptz, ${b.actor.type}, ${b.actor.id}, 'touchpoint_batch', ${b.batch}, 'ingest',
           jsonb_build_object('touches', ${b.touches}::int, 'created', ${created}, 'accountsCreated', ${b.accountsCreated}::int
           ${b.part ? sql`, 'part', ${b.part.index}::int, 'parts', ${b.part.of}::int` : sql``})`;
}

/**
 * PostgreSQL: the touches by COPY straight into touchpoints, by company then time
 * (`directTouches`), with the person and account the staged insert would give them (the touch's
 * own, else its e-mail's person's, else the account of the person it names), and the batch's
 * audit row, in a savepoint.
 * 'stored' when a touch is already stored (a re-send, or another writer meanwhile): the savepoint
 * is undone and the batch goes the staged way, with ON CONFLICT; null when the text is not
 * well-formed (nothing was sent).
 */
async function copyTouches(tx: Database, d: DirectTouches, b: BatchFacts): Promise<Written | 'stored' | null> {
  const named = new Set<string>();
  for (const t of d.touches) if (t.personId && !t.accountId) named.add(t.personId);
  const r = await tx.execute(sql`
    select p.email, p.id, p.account_id from people p where p.email = any(array(select email from _em))
    ${named.size ? sql`union all select null, p.id, p.account_id from people p where p.id = any(${`{${[...named].join(',')}}`}::uuid[])` : sql``}`);
  const byEmail = new Map<string, { id: string; account_id: string | null }>();
  const accountOfPerson = new Map<string, string | null>();
  for (const row of r.rows as { email: string | null; id: string; account_id: string | null }[]) {
    if (row.email === null) accountOfPerson.set(row.id, row.account_id);
    else byEmail.set(row.email, row);
  }
  const personOf = (t: NormalisedTouch) => t.personId ?? (t.email === null ? null : byEmail.get(t.email)?.id ?? null);
  const accountOf = (t: NormalisedTouch) => t.accountId
    ?? (t.email === null ? null : byEmail.get(t.email)?.account_id ?? null)
    ?? (t.personId === null ? null : accountOfPerson.get(t.personId) ?? null);
  const encoded = directCopyText(d, (t) => [personOf(t), accountOf(t)]);
  if (encoded === null) return null;
  try {
    await tx.transaction(async (sp) => {
      await sp.execute(batchAudit(b, sql`${d.touches.length}::int`));
      if (!(await copyIntoTouchpoints(sp, encoded.text))) throw new Error('COPY without a connection to send it on');
    });
  } catch (err) {
    if (isUniqueViolation(err, 'touchpoints_external_id_unique')) return 'stored';
    throw err;
  }
  return { created: d.touches.length, personIds: [...encoded.firstAt.keys()], firstAt: encoded.firstAt };
}

/**
 * The staged touches (PGlite, or a batch the COPY refused), by company then time, with the
 * batch's audit row. A plain INSERT is tried first (in a savepoint): it skips ON CONFLICT's
 * per-row pre-check of the unique index, about a fifth of the insert. A batch holding a touch
 * already stored (a re-send), repeating an external id, or racing another writer fails that
 * INSERT on the unique key and is then written with ON CONFLICT DO NOTHING, in time order (the
 * first of the repeats in time is kept).
 */
async function insertTouches(tx: Database, b: BatchFacts, options: { conflictKnown?: boolean } = {}): Promise<Written> {
  const statement = (onConflict: boolean) => sql`
    with who as materialized (
      select p.email, p.id, p.account_id from people p where p.email = any(array(select email from _em))),
    ins as (
      insert into touchpoints (external_id, occurred_at, person_id, account_id, channel, kind, campaign_id, asset, side, properties, recorded_by)
      select s.external_id, s.occurred_at, coalesce(s.person_id, w.id),
             coalesce(s.account_id, w.account_id, (select pp.account_id from people pp where pp.id = s.person_id)),
             s.channel, s.kind, s.campaign_id, s.asset, s.side, s.properties, ${b.recordedBy}
      from _in s
      left join who w on w.email = s.email
      -- By company then time, as the COPY path (see directTouches): the timeline indexes are written
      -- a company at a time. With ON CONFLICT in time order, so that the earliest of repeats is kept.
      order by ${onConflict ? sql`s.occurred_at` : sql`coalesce(split_part(s.email, '@', 2), s.person_id::text, s.account_id::text), s.occurred_at`}
      ${onConflict ? sql`on conflict (external_id) do nothing` : sql``}
      returning person_id, occurred_at),
    au as (${batchAudit(b, sql`(select count(*) from ins)::int`)})
    select person_id, count(*)::int as n, min(occurred_at) as first_at from ins group by person_id`;
  type Row = { person_id: string | null; n: number; first_at: Date };
  const r = options.conflictKnown
    ? { rows: (await tx.execute(statement(true))).rows as Row[] }
    : await firstPlainThenOnConflict<Row>(tx, statement, 'touchpoints_external_id_unique');
  let created = 0;
  const personIds: string[] = [];
  const firstAt = new Map<string, Date>();
  for (const row of r.rows) {
    created += row.n;
    if (row.person_id) { personIds.push(row.person_id); firstAt.set(row.person_id, new Date(row.first_at)); }
  }
  return { created, personIds, firstAt };
}

function isUniqueViolation(err: unknown, constraint: string): boolean {
  for (let e: unknown = err; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const pgErr = e as Partial<pg.DatabaseError>;
    if (pgErr.code === '23505' && pgErr.constraint === constraint) return true;
  }
  return false;
}
