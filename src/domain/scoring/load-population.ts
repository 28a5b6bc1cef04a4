import { sql } from 'drizzle-orm';
import { to as copyTo } from 'pg-copy-streams';
import type { Database } from '../../db/client.js';
import { CHANNELS, TOUCH_KINDS, type Channel, type LifecycleStage, type TouchKind } from '../../db/schema/vocabulary.js';
import type { PersonFacts, TouchFact } from './score-person.js';
import type { ScoringDefinition } from './scoring-model.schema.js';
import type { StoredDigests } from './score-people.js';

/**
 * Everyone scoring reads, loaded in bulk for scoring the whole population in process: people's
 * fields (as load-scoring-facts.ts builds them), and every effective touch as compact typed
 * arrays grouped by person, in time order (ties by id, as load-scoring-facts.ts orders them).
 * About 2 bytes of JS per touch field instead of an object per touch: 2,000,000 touches fit in
 * ~40 MB. Columns a definition does not read (campaign, asset, page) are not loaded.
 */
export type Population = {
  ids: string[];
  stages: LifecycleStage[];
  /** When the person last changed stage (only loaded for recycled and disqualified people, the only ones who need it). */
  since: (Date | null)[];
  facts: PersonFacts[];
  /** The digests of person i's stored score (see scoreRow), null when none; loaded only when asked for. */
  digests: (StoredDigests | null)[] | null;
  /** Touches of person i are start[i] … start[i + 1] − 1. */
  start: Int32Array;
  at: Float64Array;
  kind: Uint8Array;
  channel: Uint8Array;
  campaign: (string | null)[] | null;
  asset: (string | null)[] | null;
  url: unknown[] | null;
  page: unknown[] | null;
};

/** What of a touch the definitions read beyond time, kind and channel. */
export type TouchNeeds = { campaign: boolean; asset: boolean; page: boolean };

export function touchNeeds(defs: readonly ScoringDefinition[]): TouchNeeds {
  const rules = defs.flatMap((d) => d.engagement);
  return {
    campaign: rules.some((r) => r.when.campaignIds),
    asset: rules.some((r) => r.when.assetContains),
    page: rules.some((r) => r.when.pageContains),
  };
}

type PgPool = { connect(): Promise<PgClient> };
type PgClient = { query<T>(q: T): T; release(): void };

/** The driver's pool under Drizzle: COPY needs a client of its own. */
export function poolOf(db: Database): PgPool {
  return (db as unknown as { $client: PgPool }).$client;
}

const PEOPLE_CHUNK = 50_000;
const TOUCH_CHUNK = 250_000;

/**
 * Reads the population: people and accounts once, free-mail domains once (matched in process),
 * then touches by id range (each range one short query, so on PGlite other requests get the
 * database in between), bucketed by person.
 */
export async function loadPopulation(db: Database, needs: TouchNeeds, options: { yieldEvery?: () => Promise<void>; digests?: boolean } = {}): Promise<Population> {
  const pause = options.yieldEvery ?? (() => new Promise<void>((resolve) => setImmediate(resolve)));
  const freeMail = new Set((await db.execute<{ domain: string }>(sql`select domain from free_mail_domains`)).rows.map((r) => r.domain));
  type AccountRow = { id: string; industry: unknown; employee_count: unknown; annual_revenue: unknown; country: unknown; tier: unknown; custom: Record<string, unknown> | null };
  const accounts = new Map<string, PersonFacts['account']>();
  let afterAccount = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const { rows } = await db.execute<AccountRow>(sql`select a.id, a.industry, a.employee_count, a.annual_revenue::float8 as annual_revenue, a.country, a.tier, a.custom
      from accounts a where a.id > ${afterAccount}::uuid order by a.id limit ${PEOPLE_CHUNK}`);
    for (const a of rows) {
      accounts.set(a.id, { industry: a.industry, employeeCount: a.employee_count, annualRevenue: a.annual_revenue, country: a.country, tier: a.tier, custom: a.custom as Record<string, unknown> });
    }
    if (rows.length < PEOPLE_CHUNK) break;
    afterAccount = rows[rows.length - 1]!.id;
    await pause();
  }

  const ids: string[] = [];
  const stages: LifecycleStage[] = [];
  const since: (Date | null)[] = [];
  const facts: PersonFacts[] = [];
  const index = new Map<string, number>();
  type PersonRow = { id: string; stage: LifecycleStage; since: string | null; title: unknown; seniority: unknown; country: unknown; consent_status: unknown; domain: string; account_id: string | null; custom: Record<string, unknown> | null };
  let afterPerson = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const { rows } = await db.execute<PersonRow>(sql`select p.id, p.lifecycle_stage as stage,
        case when p.lifecycle_stage in ('recycled', 'disqualified') then (select max(st.occurred_at) from stage_transitions st where st.person_id = p.id) end as since,
        p.title, p.seniority, p.country, p.consent_status, split_part(p.email, '@', 2) as domain, p.account_id, p.custom
      from people p where p.id > ${afterPerson}::uuid order by p.id limit ${PEOPLE_CHUNK}`);
    for (const r of rows) {
      index.set(r.id, ids.length);
      ids.push(r.id);
      stages.push(r.stage);
      since.push(r.since ? new Date(r.since) : null);
      facts.push({
        person: { title: r.title, seniority: r.seniority, country: r.country, consentStatus: r.consent_status, emailDomain: r.domain, isFreeMail: freeMail.has(r.domain), custom: r.custom as Record<string, unknown> },
        account: r.account_id ? accounts.get(r.account_id) ?? null : null,
      });
    }
    if (rows.length < PEOPLE_CHUNK) break;
    afterPerson = rows[rows.length - 1]!.id;
    await pause();
  }

  // Touches in id order, range by range (COPY … TO STDOUT in binary: ~40 bytes a touch and no
  // per-row work in the driver); each range is parsed here while the database produces the next.
  // Bucketed by person below (stable, so ties stay in id order).
  const keys = personKeys(ids);
  const digests = options.digests ? await loadDigests(db, keys, ids.length, pause) : null;
  const owner: Int32Array[] = [];
  const atParts: Float64Array[] = [];
  const kindParts: Uint8Array[] = [];
  const channelParts: Uint8Array[] = [];
  const campaign: (string | null)[] | null = needs.campaign ? [] : null;
  const asset: (string | null)[] | null = needs.asset ? [] : null;
  const url: unknown[] | null = needs.page ? [] : null;
  const page: unknown[] | null = needs.page ? [] : null;
  const bounds = (await db.execute<{ lo: number | null; hi: number | null }>(sql`select min(id) as lo, max(id) as hi from touchpoints`)).rows[0]!;
  let total = 0;
  if (bounds.lo !== null && bounds.hi !== null) {
    const lo = Number(bounds.lo), hi = Number(bounds.hi);
    const cols = ['t.person_id', "round(date_part('epoch', date_trunc('milliseconds', t.occurred_at)) * 1000)", 't.kind', 't.channel',
      ...(needs.campaign ? ['t.campaign_id'] : []), ...(needs.asset ? ['t.asset'] : []), ...(needs.page ? ["t.properties -> 'url'", "t.properties -> 'page'"] : [])];
    const client = await poolOf(db).connect();
    try {
      const fetch = async (from: number): Promise<Buffer> => {
        // Bounds are integers from the database: inlined (COPY takes no parameters).
        const stream = client.query(copyTo(`copy (select ${cols.join(', ')} from touchpoints t
          where t.id >= ${Math.trunc(from)} and t.id < ${Math.trunc(from + TOUCH_CHUNK)} and not t.retracted
            and not exists (select 1 from touchpoints c where c.corrects_id = t.id)
          order by t.id) to stdout (format binary)`));
        const parts: Buffer[] = [];
        for await (const part of stream) parts.push(part as Buffer);
        return Buffer.concat(parts);
      };
      let next: Promise<Buffer> | null = fetch(lo);
      for (let from = lo; next; from += TOUCH_CHUNK) {
        const data: Buffer = await next;
        next = from + TOUCH_CHUNK <= hi ? fetch(from + TOUCH_CHUNK) : null;
        // Parsed while the database produces the next range; a failed fetch is awaited (and thrown) next turn.
        next?.catch(() => undefined);
        const part = parseTouches(data, keys, campaign, asset, url, page);
        owner.push(part.owner); atParts.push(part.at); kindParts.push(part.kind); channelParts.push(part.channel);
        total += part.owner.length;
        await pause();
      }
    } finally {
      client.release();
    }
  }

  // Counting sort by person (stable), then each person's touches by time (stable: ties keep id order).
  const start = new Int32Array(ids.length + 1);
  for (const o of owner) for (let i = 0; i < o.length; i++) if (o[i]! >= 0) start[o[i]! + 1]! += 1;
  for (let p = 0; p < ids.length; p++) start[p + 1]! += start[p]!;
  const placed = start[ids.length]!;
  const fill = start.slice(0, ids.length);
  const order = new Int32Array(placed);
  let g = 0;
  for (const o of owner) {
    for (let i = 0; i < o.length; i++, g++) if (o[i]! >= 0) order[fill[o[i]!]!++] = g;
  }
  const flat = <T extends Float64Array | Uint8Array>(parts: T[], make: (n: number) => T): T => {
    const out = make(total);
    let off = 0;
    for (const p of parts) { out.set(p, off); off += p.length; }
    return out;
  };
  const atAll = flat(atParts, (n) => new Float64Array(n));
  const kindAll = flat(kindParts, (n) => new Uint8Array(n));
  const channelAll = flat(channelParts, (n) => new Uint8Array(n));
  const at = new Float64Array(placed), kind = new Uint8Array(placed), channel = new Uint8Array(placed);
  const pick = <T,>(all: T[] | null) => (all ? Array.from(order, (j) => all[j]!) : null);
  for (let i = 0; i < placed; i++) { const j = order[i]!; at[i] = atAll[j]!; kind[i] = kindAll[j]!; channel[i] = channelAll[j]!; }
  const pop: Population = { ids, stages, since, facts, digests, start, at, kind, channel, campaign: pick(campaign), asset: pick(asset), url: pick(url), page: pick(page) };
  sortEachByTime(pop);
  return pop;
}

/**
 * People's ids as an open-addressing hash table over the four 32-bit words of each uuid, for
 * finding the person of the 16 bytes of a uuid without making a string or a number on the heap
 * (a touch of someone loaded after the people is not found and left out, as before).
 */
type PersonKeys = { slots: Int32Array; mask: number; words: Uint32Array };

const mix = (a: number, b: number, c: number, d: number) => Math.imul(a ^ Math.imul(b, 0x85ebca6b) ^ Math.imul(c, 0xc2b2ae35) ^ d, 0x9e3779b1);

function personKeys(ids: readonly string[]): PersonKeys {
  let size = 16;
  while (size < ids.length * 2) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(size).fill(-1);
  const words = new Uint32Array(ids.length * 4);
  for (let i = 0; i < ids.length; i++) {
    const hex = ids[i]!.replaceAll('-', '');
    for (let w = 0; w < 4; w++) words[i * 4 + w] = parseInt(hex.slice(w * 8, w * 8 + 8), 16);
    let h = mix(words[i * 4]!, words[i * 4 + 1]!, words[i * 4 + 2]!, words[i * 4 + 3]!) & mask;
    while (slots[h] !== -1) h = (h + 1) & mask;
    slots[h] = i;
  }
  return { slots, mask, words };
}

function personAt(keys: PersonKeys, buf: Buffer, o: number): number {
  const a = buf.readUInt32BE(o), b = buf.readUInt32BE(o + 4), c = buf.readUInt32BE(o + 8), d = buf.readUInt32BE(o + 12);
  const { slots, mask, words } = keys;
  for (let h = mix(a, b, c, d) & mask; ; h = (h + 1) & mask) {
    const i = slots[h]!;
    if (i === -1) return -1;
    if (words[i * 4] === a && words[i * 4 + 1] === b && words[i * 4 + 2] === c && words[i * 4 + 3] === d) return i;
  }
}

const SCORE_PAGES = 16_384;

/**
 * The digest of everyone's stored score (see scoreRow), by person, for skipping scores that did
 * not change. Read by ranges of pages (a plain scan: the scores are read in storage order, not by
 * a lookup per person), in binary COPY. A row updated meanwhile may be seen twice or not at all:
 * then a score is written that needed not be, or the newer stored one is kept; both are safe.
 */
async function loadDigests(db: Database, keys: PersonKeys, people: number, pause: () => Promise<void>): Promise<(StoredDigests | null)[]> {
  const digests = new Array<StoredDigests | null>(people).fill(null);
  const pages = Number((await db.execute<{ n: number }>(sql`select (pg_relation_size('person_scores') / current_setting('block_size')::int)::int8 as n`)).rows[0]!.n);
  const client = await poolOf(db).connect();
  try {
    for (let from = 0; from < pages || from === 0; from += SCORE_PAGES) {
      const last = from + SCORE_PAGES >= pages;
      const stream = client.query(copyTo(`copy (select person_id, digest, explanation_digest from person_scores
        where ctid >= '(${from},0)'::tid${last ? '' : ` and ctid < '(${from + SCORE_PAGES},0)'::tid`} and digest is not null) to stdout (format binary)`));
      const parts: Buffer[] = [];
      for await (const part of stream) parts.push(part as Buffer);
      const buf = Buffer.concat(parts);
      let o = 19 + buf.readInt32BE(15);
      for (;;) {
        if (buf.readInt16BE(o) === -1) break;
        o += 2;
        const i = personAt(keys, buf, o + 4);
        o += 4 + buf.readInt32BE(o);
        const len = buf.readInt32BE(o);
        o += 4;
        const d = buf.toString('latin1', o, o + len);
        o += len;
        const xlen = buf.readInt32BE(o);
        o += 4;
        if (i >= 0) digests[i] = { d, xd: xlen < 0 ? null : buf.toString('latin1', o, o + xlen) };
        if (xlen > 0) o += xlen;
      }
      if (last) break;
      await pause();
    }
  } finally {
    client.release();
  }
  return digests;
}

function uuidText(buf: Buffer, o: number): string {
  const h = buf.toString('hex', o, o + 16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * One range of touches in PostgreSQL's binary COPY format (a 19-byte header, then per row a field
 * count and each field as a length, -1 for NULL, and its bytes; a count of -1 ends it).
 */
function parseTouches(buf: Buffer, keys: PersonKeys, campaign: (string | null)[] | null, asset: (string | null)[] | null, url: unknown[] | null, page: unknown[] | null) {
  // At most one row per 49 bytes (count, person, time, and the shortest kind and channel).
  const most = Math.ceil(buf.length / 49);
  const owner = new Int32Array(most), at = new Float64Array(most), kind = new Uint8Array(most), channel = new Uint8Array(most);
  let n = 0;
  let o = 19 + buf.readInt32BE(15);
  for (;;) {
    const fields = buf.readInt16BE(o); o += 2;
    if (fields === -1) break;
    let len = buf.readInt32BE(o); o += 4;
    owner[n] = len < 0 ? -1 : personAt(keys, buf, o);
    if (len > 0) o += len;
    len = buf.readInt32BE(o); o += 4;
    at[n] = buf.readDoubleBE(o); o += len;
    len = buf.readInt32BE(o); o += 4;
    kind[n] = wordAt(KIND_CODES, buf, o, len); o += len;
    len = buf.readInt32BE(o); o += 4;
    channel[n] = wordAt(CHANNEL_CODES, buf, o, len); o += len;
    if (campaign) { len = buf.readInt32BE(o); o += 4; campaign.push(len < 0 ? null : uuidText(buf, o)); if (len > 0) o += len; }
    if (asset) { len = buf.readInt32BE(o); o += 4; asset.push(len < 0 ? null : buf.toString('utf8', o, o + len)); if (len > 0) o += len; }
    if (url) {
      // jsonb in binary: a version byte, then the JSON text.
      len = buf.readInt32BE(o); o += 4; url.push(len < 0 ? null : JSON.parse(buf.toString('utf8', o + 1, o + len))); if (len > 0) o += len;
      len = buf.readInt32BE(o); o += 4; page!.push(len < 0 ? null : JSON.parse(buf.toString('utf8', o + 1, o + len))); if (len > 0) o += len;
    }
    n++;
  }
  return { owner: owner.slice(0, n), at: at.slice(0, n), kind: kind.slice(0, n), channel: channel.slice(0, n) };
}

/**
 * A vocabulary word's index from its bytes without making a string: keyed by length, first,
 * middle and last byte, checked to be unique over the vocabulary (else by the text itself).
 */
type WordCodes = { byKey: Map<number, number> | null; byText: Map<string, number> };
function wordCodes(words: readonly string[]): WordCodes {
  const key = (w: string) => w.length * 16_777_216 + w.charCodeAt(0) * 65_536 + w.charCodeAt(w.length >> 1) * 256 + w.charCodeAt(w.length - 1);
  const byKey = new Map(words.map((w, i) => [key(w), i]));
  return { byKey: byKey.size === words.length ? byKey : null, byText: new Map(words.map((w, i) => [w, i])) };
}
const KIND_CODES = wordCodes(TOUCH_KINDS);
const CHANNEL_CODES = wordCodes(CHANNELS);

function wordAt(codes: WordCodes, buf: Buffer, o: number, len: number): number {
  const i = codes.byKey?.get(len * 16_777_216 + buf[o]! * 65_536 + buf[o + (len >> 1)]! * 256 + buf[o + len - 1]!);
  // Kinds and channels are CHECKed against the vocabulary, so a key found is the word.
  if (i !== undefined) return i;
  return codes.byText.get(buf.toString('latin1', o, o + len)) ?? 255;
}

/** Within each person, touches by time; a stable insertion sort (they mostly arrive in order already). */
function sortEachByTime(pop: Population): void {
  const cols = [pop.kind, pop.channel] as const;
  const refs = [pop.campaign, pop.asset, pop.url, pop.page].filter((c): c is unknown[] => c !== null);
  for (let p = 0; p < pop.ids.length; p++) {
    const lo = pop.start[p]!, hi = pop.start[p + 1]!;
    for (let i = lo + 1; i < hi; i++) {
      if (pop.at[i - 1]! <= pop.at[i]!) continue;
      const a = pop.at[i]!, c0 = cols[0][i]!, c1 = cols[1][i]!, r = refs.map((c) => c[i]);
      let j = i - 1;
      while (j >= lo && pop.at[j]! > a) {
        pop.at[j + 1] = pop.at[j]!; cols[0][j + 1] = cols[0][j]!; cols[1][j + 1] = cols[1][j]!;
        for (const c of refs) c[j + 1] = c[j];
        j--;
      }
      pop.at[j + 1] = a; cols[0][j + 1] = c0; cols[1][j + 1] = c1;
      refs.forEach((c, k) => { c[j + 1] = r[k]; });
    }
  }
}

const NO_PROPERTIES: Record<string, unknown> = Object.freeze({}) as Record<string, unknown>;

/** Person i's touches as score-person.ts reads them, in time order. */
export function touchesOf(pop: Population, i: number): TouchFact[] {
  const lo = pop.start[i]!, hi = pop.start[i + 1]!;
  const out = new Array<TouchFact>(hi - lo);
  for (let j = lo; j < hi; j++) {
    let properties = NO_PROPERTIES;
    if (pop.url) {
      properties = {};
      if (pop.url[j] !== null && pop.url[j] !== undefined) properties.url = pop.url[j];
      if (pop.page![j] !== null && pop.page![j] !== undefined) properties.page = pop.page![j];
    }
    out[j - lo] = {
      id: j, occurredAt: new Date(pop.at[j]!), kind: TOUCH_KINDS[pop.kind[j]!] as TouchKind, channel: CHANNELS[pop.channel[j]!] as Channel,
      campaignId: pop.campaign ? pop.campaign[j]! : null, asset: pop.asset ? pop.asset[j]! : null, properties,
    };
  }
  return out;
}
