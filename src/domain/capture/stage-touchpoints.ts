import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database, Engine } from '../../db/client.js';
import type { NormalisedTouch } from './touchpoint.schema.js';

/**
 * Staging for `writeTouchpoints`, in three temporary tables kept by the connection (created once,
 * emptied at every commit: no catalog churn per batch):
 *
 * - `_em`: one row per e-mail, with what the earliest touch of that e-mail says (a new person is
 *   created from it: names, side, channel, time) and what its latest touch carrying any person
 *   field says (`fill`: blanks on a known person are filled from it), summarised here rather than
 *   by sorting the batch in the database;
 * - `_in`: the touches;
 * - `_new_people`: the people this batch created.
 *
 * On PostgreSQL the rows travel by COPY FROM STDIN (text format): the server parses 10,000 touches
 * about three times faster than the same rows as one json parameter. PGlite's socket does not
 * speak the COPY sub-protocol, so there (and whenever COPY is not at hand) they go as one json
 * parameter, read with json_to_recordset.
 */
export async function prepareStaging(tx: Database): Promise<void> {
  // jit off: the planner has no statistics on the temporary tables and can estimate a batch's
  // statements costly enough to compile them (~20 ms per statement), which never pays back here.
  // The deletes find the tables empty, unless a caller's own transaction wrote a batch already.
  await tx.execute(sql.raw(`
    set local jit = off;
    set local client_min_messages = warning;
    create temp table if not exists _in (external_id text, occurred_at timestamptz, email text, person_id uuid,
      account_id uuid, channel text, kind text, side text, campaign_id uuid, asset text, properties jsonb) on commit delete rows;
    create temp table if not exists _em (email text primary key, first_at timestamptz, side text, channel text, first_name text,
      last_name text, title text, company_name text, country text, phone text, fill boolean, f_first_name text,
      f_last_name text, f_title text, f_company_name text, f_country text, f_phone text) on commit delete rows;
    create temp table if not exists _new_people (id uuid primary key) on commit delete rows;
    delete from _in; delete from _em; delete from _new_people`));
}

/** Fills `_em` with one summary per e-mail of the batch. */
export async function stagePeople(tx: Database, engine: Engine, touches: NormalisedTouch[]): Promise<void> {
  const people = summarisePeople(touches);
  if (people.length === 0) return;
  const client = engine === 'postgres' ? copyClient(tx) : null;
  if (client) {
    const text = copyText(people.map(personFields));
    if (isWellFormed(text)) return copyIn(client, 'copy _em from stdin', text);
  }
  await tx.execute(sql`
    insert into _em
    select e, t, s, ch, fn, ln, ti, co, cn, ph, f, ffn, fln, fti, fco, fcn, fph
    from json_to_recordset(${JSON.stringify(people.map(personJson))}::json) as r(
      e text, t timestamptz, s text, ch text, fn text, ln text, ti text, co text, cn text, ph text, f boolean,
      ffn text, fln text, fti text, fco text, fcn text, fph text)`);
}

export type TouchStage = { copy: string } | { json: string };

/**
 * Encodes the touches for `_in` (COPY text on PostgreSQL, else json), a slice at a time, yielding
 * between slices so the database's answers to the statements already sent are read meanwhile.
 */
export async function encodeTouches(tx: Database, engine: Engine, touches: NormalisedTouch[]): Promise<TouchStage> {
  const copy = engine === 'postgres' && copyClient(tx) !== null;
  const parts: string[] = [];
  for (let i = 0; i < touches.length; i += SLICE) {
    if (i > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    const slice = touches.slice(i, i + SLICE);
    parts.push(copy ? touchesCopyText(slice) : JSON.stringify(slice.map(touchJson)).slice(1, -1));
  }
  if (copy) {
    const text = parts.join('');
    // A string that is not well-formed UTF-16 (a lone surrogate) would be replaced silently on
    // the way to UTF-8; the json path refuses it, as it always did.
    if (isWellFormed(text)) return { copy: text };
    return { json: JSON.stringify(touches.map(touchJson)) };
  }
  return { json: `[${parts.join(',')}]` };
}

const SLICE = 2_000;

/** Loads the encoded touches into `_in`. */
export async function stageTouches(tx: Database, stage: TouchStage): Promise<void> {
  const client = 'copy' in stage ? copyClient(tx) : null;
  if ('copy' in stage && client) return copyIn(client, 'copy _in from stdin', stage.copy);
  if (!('json' in stage)) throw new Error('COPY text without a connection to send it on');
  await tx.execute(sql`
    insert into _in
    select x, t, e, p, a, ch, k, s, c, "as", coalesce(pr, '{}'::jsonb)
    from json_to_recordset(${stage.json}::json) as r(
      x text, t timestamptz, e text, p uuid, a uuid, ch text, k text, s text, c uuid, "as" text, pr jsonb)`);
}

/**
 * The touches for COPY straight into `touchpoints` (PostgreSQL, once the people are written), and
 * the order they are inserted in (`directTouches`).
 */
export type DirectTouches = { touches: NormalisedTouch[]; order: number[]; recordedBy: string };

/** The columns `directCopyText` writes, in its order. */
export const DIRECT_COLUMNS = 'external_id, occurred_at, person_id, account_id, channel, kind, campaign_id, asset, side, properties, recorded_by';

/**
 * The order the touches are inserted in: by company (the e-mail's domain, else the person or
 * account id), each company's touches in time order (then the batch's order). The index entries
 * of the accounts' and people's timelines (`touchpoints_account_idx`, `touchpoints_person_idx`)
 * are then written a company at a time rather than all over both indexes: ~15 % less database CPU
 * per 10,000 touches than in time order. Ids are given in this order: a batch's touches are
 * numbered by company, each company's (so each person's) in time order; readers order by time.
 */
export function directTouches(touches: NormalisedTouch[], recordedBy: string): DirectTouches {
  const groups = new Map<string, number[]>();
  for (let i = 0; i < touches.length; i++) {
    const t = touches[i]!;
    const key = t.email !== null ? t.email.slice(t.email.indexOf('@') + 1) : t.personId !== null ? `\u0001${t.personId}` : `\u0002${t.accountId ?? ''}`;
    const g = groups.get(key);
    if (g) g.push(i);
    else groups.set(key, [i]);
  }
  const order: number[] = [];
  for (const key of [...groups.keys()].sort()) {
    const g = groups.get(key)!;
    const at = g.map((i) => canonical(touches[i]!.occurredAt));
    let ordered = true;
    for (let k = 1; k < at.length && ordered; k++) if (at[k]! < at[k - 1]!) ordered = false;
    if (ordered) { for (const i of g) order.push(i); continue; }
    const ks = g.map((_, k) => k).sort((x, y) => (at[x]! < at[y]! ? -1 : at[x]! > at[y]! ? 1 : x - y));
    for (const k of ks) order.push(g[k]!);
  }
  return { touches, order, recordedBy };
}

/**
 * The touches of `directTouches` in COPY's text format, in its order, each with its person and
 * account (`idsOf`: the two ids, null for none), and for each person the time of its earliest
 * touch here (`firstAt`); null when the text would not be well-formed. The rows are encoded in
 * the batch's order (touches met in the order they were parsed: ~40 % faster) and joined in the
 * insert order.
 */
export function directCopyText(d: DirectTouches, idsOf: (t: NormalisedTouch) => [string | null, string | null]): { text: string; firstAt: Map<string, Date> } | null {
  const by = field(d.recordedBy);
  const byEmail = new Map<string, { ids: string; person: string | null }>();
  const first = new Map<string, string>();
  const rows: string[] = new Array(d.touches.length);
  for (let j = 0; j < d.touches.length; j++) {
    const t = d.touches[j]!;
    // Most touches name only an e-mail: its two ids are encoded once.
    const byMail = t.personId === null && t.accountId === null && t.email !== null;
    let known = byMail ? byEmail.get(t.email!) : undefined;
    if (known === undefined) {
      const [person, account] = idsOf(t);
      known = { ids: `${field(person)}\t${field(account)}`, person };
      if (byMail) byEmail.set(t.email!, known);
    }
    const { ids, person } = known;
    if (person !== null) {
      const at = canonical(t.occurredAt);
      const seen = first.get(person);
      if (seen === undefined || at < seen) first.set(person, at);
    }
    rows[j] = `${field(t.externalId)}\t${field(t.occurredAt)}\t${ids}\t${field(t.channel)}\t${field(t.kind)}\t${
      field(t.campaignId)}\t${field(t.asset)}\t${field(t.side)}\t${field(propertiesJson(t.properties))}\t${by}\n`;
  }
  const ordered: string[] = new Array(d.order.length);
  for (let k = 0; k < d.order.length; k++) ordered[k] = rows[d.order[k]!]!;
  const text = ordered.join('');
  // A lone surrogate would be replaced silently on the way to UTF-8 (the staged json path refuses it).
  if (!isWellFormed(text)) return null;
  const firstAt = new Map<string, Date>();
  for (const [person, at] of first) firstAt.set(person, new Date(at));
  return { text, firstAt };
}

/** COPY of `directCopyText` into `touchpoints`, on the transaction's connection (false: no COPY at hand). */
export async function copyIntoTouchpoints(tx: Database, text: string): Promise<boolean> {
  const client = copyClient(tx);
  if (!client) return false;
  const statement = `copy touchpoints (${DIRECT_COLUMNS}) from stdin`;
  try {
    await copyIn(client, statement, text);
  } catch (err) {
    // Wrapped as a failed query is (the database's error as its cause), so a refusal reads the same either way.
    throw new Error(`Failed query: ${statement}`, { cause: err });
  }
  return true;
}

/** Whether this transaction can COPY (PostgreSQL through node-postgres). */
export function canCopy(tx: Database, engine: Engine): boolean {
  return engine === 'postgres' && copyClient(tx) !== null;
}

type PersonSummary = { email: string; first: NormalisedTouch; firstAt: string; fill: NormalisedTouch | null; fillAt: string };

/**
 * One summary per e-mail over the batch: its earliest touch, and its latest touch carrying any
 * person field. Times compare as their canonical ISO strings (what validation produces).
 */
export function summarisePeople(touches: NormalisedTouch[]): PersonSummary[] {
  const byEmail = new Map<string, PersonSummary>();
  for (const t of touches) {
    if (t.email === null) continue;
    const at = canonical(t.occurredAt);
    const pf = t.person;
    const hasFields = pf !== null && (pf.firstName != null || pf.lastName != null || pf.title != null
      || pf.companyName != null || pf.country != null || pf.phone != null);
    const p = byEmail.get(t.email);
    if (!p) {
      byEmail.set(t.email, { email: t.email, first: t, firstAt: at, fill: hasFields ? t : null, fillAt: at });
      continue;
    }
    if (at < p.firstAt) { p.first = t; p.firstAt = at; }
    if (hasFields && (p.fill === null || at > p.fillAt)) { p.fill = t; p.fillAt = at; }
  }
  return [...byEmail.values()];
}

/** `YYYY-MM-DDTHH:mm:ss.sssZ`, whose order as a string is the order in time. */
function canonical(iso: string): string {
  return iso.length === 24 && iso.endsWith('Z') ? iso : new Date(iso).toISOString();
}

type Field = string | null;

/** The touches in COPY's text format, in `_in`'s column order (no array per row: 10,000 of them). */
function touchesCopyText(touches: NormalisedTouch[]): string {
  let out = '';
  for (const t of touches) {
    out += `${field(t.externalId)}\t${field(t.occurredAt)}\t${field(t.email)}\t${field(t.personId)}\t${field(t.accountId)}\t${
      field(t.channel)}\t${field(t.kind)}\t${field(t.side)}\t${field(t.campaignId)}\t${field(t.asset)}\t${
      field(propertiesJson(t.properties))}\n`;
  }
  return out;
}

/** Most touches carry no properties: `{}` without a call to JSON.stringify each. */
function propertiesJson(p: Record<string, unknown> | null | undefined): string {
  if (p) for (const _ in p) return JSON.stringify(p);
  return '{}';
}

function personFields(p: PersonSummary): Field[] {
  const a = p.first.person, f = p.fill?.person;
  return [p.email, p.first.occurredAt, p.first.side, p.first.channel,
    a?.firstName ?? null, a?.lastName ?? null, a?.title ?? null, a?.companyName ?? null, a?.country ?? null, a?.phone ?? null,
    f ? 't' : 'f',
    f?.firstName ?? null, f?.lastName ?? null, f?.title ?? null, f?.companyName ?? null, f?.country ?? null, f?.phone ?? null];
}

function touchJson(t: NormalisedTouch) {
  return { x: t.externalId, t: t.occurredAt, e: t.email, p: t.personId, a: t.accountId, ch: t.channel, k: t.kind, s: t.side,
    c: t.campaignId, as: t.asset, pr: t.properties };
}

function personJson(p: PersonSummary) {
  const [e, t, s, ch, fn, ln, ti, co, cn, ph, f, ffn, fln, fti, fco, fcn, fph] = personFields(p);
  return { e, t, s, ch, fn, ln, ti, co, cn, ph, f: f === 't', ffn, fln, fti, fco, fcn, fph };
}

const SPECIAL = /[\\\t\n\r]/;
const SPECIALS = /[\\\t\n\r]/g;
const ESCAPED: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** Rows in COPY's text format: tab-separated, `\N` for null, backslash escapes. */
export function copyText(rows: Field[][]): string {
  let out = '';
  for (const row of rows) out += `${row.map(field).join('\t')}\n`;
  return out;
}

/** One value in COPY's text format: `\N` for null, backslash, tab and line breaks escaped. */
export function field(v: Field | undefined): string {
  return v === null || v === undefined ? '\\N' : SPECIAL.test(v) ? v.replace(SPECIALS, (c) => ESCAPED[c]!) : v;
}

function isWellFormed(s: string): boolean {
  return (s as unknown as { isWellFormed(): boolean }).isWellFormed();
}

/** The connection under a drizzle transaction on node-postgres, or null when it cannot be had. */
function copyClient(tx: Database): pg.PoolClient | null {
  const client = (tx as unknown as { session?: { client?: unknown } }).session?.client as Partial<pg.PoolClient> | undefined;
  // A transaction holds one checked-out client (it has `release`); the pool itself would not do.
  return client && typeof client.query === 'function' && typeof client.release === 'function' ? client as pg.PoolClient : null;
}

function copyIn(client: pg.PoolClient, statement: string, text: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const stream = client.query(copyFrom(statement));
    stream.on('error', reject);
    stream.on('finish', () => resolve());
    stream.end(Buffer.from(text, 'utf8'));
  });
}
