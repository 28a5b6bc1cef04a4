import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { CHANNELS, type Role } from '../../db/schema/vocabulary.js';
import type { AttributionConfig } from './attribution-settings.js';

const DAY = 86_400_000;
const FS = '\u001f';
const RS = '\u001e';
export const SIDE_CODES = ['marketing', 'sales', 'partner'] as const;

export type DealInput = {
  id: string; accountId: string;
  /** The current amount: what a won deal brings in (revenue credit). */
  amount: number;
  /** The amount when the deal was created (pipeline credit): audited, else as first credited, else the current amount. */
  pipelineAmount: number;
  /**
   * False when `pipelineAmount` is only the current amount: no audit entry and, for deals loaded
   * by id (an incremental refresh, which reads the journeys itself), the journey not looked at.
   */
  pipelineAmountKnown: boolean;
  currency: string; createdAt: number; closedAt: number | null; isWon: boolean | null;
  /** Person ids (contact roles) or the account id whose touches count. */
  keys: string[];
  /** Earliest lead creation among the deal's people; null if unknown. */
  leadCreatedAt: number | null;
};

/** The touches that can count for the deals, column by column (ids, epoch ms, codes). */
export type TouchColumns = {
  size: number;
  id: Float64Array; at: Float64Array; channel: Uint8Array; side: Uint8Array;
  /** Index into `dims.campaigns` / `dims.assets` / `dims.users`, or -1. */
  campaign: Int32Array; asset: Int32Array; user: Int32Array;
  /** Touch indices per person (or account) key, in time order (ties by id). */
  byKey: Map<string, number[]>;
};

export type Dimensions = {
  campaigns: { id: string; ownerId: string | null }[];
  assets: string[];
  users: { id: string; teamId: string | null; role: Role }[];
};

export type CreditInputs = {
  deals: DealInput[]; touches: TouchColumns; dims: Dimensions;
  /** With `nonConverting`: the journeys of everyone on no deal, packed for the Markov fit (fit-data-driven.ts). */
  nonConverting?: string;
};

/** A touch's channel as one letter (a = the first channel), for the packed Markov journeys. */
export const channelLetterSql = sql.raw(`case t.channel ${CHANNELS.map((c, i) => `when '${c}' then '${String.fromCharCode(97 + i)}'`).join(' ')} else 'l' end`);

/**
 * Per deal (`entity_id`) with an audit trail, its amount at creation: the `after.amount` of its
 * 'create' entry (deals made through the app or the API), else the `before.amount` of its first
 * 'update' entry (a demo or imported deal edited since). The audit is append-only, so once known
 * it never changes.
 */
function auditedCreationAmounts(auditOnly: SQL): SQL {
  // Pick the entry first, then read its jsonb: extracting the amount of every entry costs twice as much.
  return sql`
    select f.entity_id, case when f.amount ~ '^[0-9]+(\\.[0-9]*)?$' then f.amount::float8 end as amount from (
      select e.entity_id, case when e.action = 'create' then e.after->>'amount' else e.before->>'amount' end as amount from (
        select distinct on (entity_id) entity_id, action, after, before from audit_log
        where entity = 'opportunity' and action in ('create', 'update') ${auditOnly}
        order by entity_id, action <> 'create', at, id) e) f`;
}

/**
 * Loads what crediting needs, in a handful of set-based queries: the deals (all, or the ones
 * named), who counts for each, lead creation times, and every effective touch of those people
 * (or accounts) inside the widest window, packed into one text value per query and parsed into
 * typed arrays (row-by-row results cost several times more on PGlite).
 */
export async function loadCreditInputs(db: Database, config: AttributionConfig, opportunityIds?: string[], options: { nonConverting?: { from: Date; to: Date } } = {}): Promise<CreditInputs> {
  const only = opportunityIds ? sql`where o.id = any(${toUuidArray(opportunityIds)}::uuid[])` : sql``;
  const account = config.touchScope === 'account';
  // Separate set-based queries: correlated subqueries per deal cost PGlite about a second on the large demo.
  const auditOnly = opportunityIds ? sql`and entity_id = any(${`{${opportunityIds.join(',')}}`}::text[])` : sql``;
  const [{ rows: deals }, { rows: contacts }, { rows: leads }] = await Promise.all([
    // The amount at creation: audited, else as first credited (an unaudited change cannot move it),
    // else the current one. By id (a refresh), the journey is read under the refresh's lock instead.
    db.execute<{ id: string; account_id: string; amount: number; pipeline_amount: number | null; currency: string; created: number; closed: number | null; is_won: boolean | null }>(sql`
      select o.id, o.account_id, o.amount::float8 as amount, coalesce(a.amount, ${opportunityIds ? sql`null` : sql`j.pipeline_amount::float8`}) as pipeline_amount,
        o.currency, (extract(epoch from o.created_at) * 1000)::float8 as created, (extract(epoch from o.closed_at) * 1000)::float8 as closed, o.is_won
      from opportunities o ${opportunityIds ? sql`` : sql`left join attribution_journeys j on j.opportunity_id = o.id`}
        left join (${auditedCreationAmounts(auditOnly)}) a on a.entity_id = o.id::text
      ${only}`),
    account ? Promise.resolve({ rows: [] as { o: string; p: string }[] })
      : db.execute<{ o: string; p: string }>(sql`select oc.opportunity_id as o, oc.person_id as p from opportunity_contacts oc join opportunities o on o.id = oc.opportunity_id ${only}`),
    db.execute<{ k: string; lead: number }>(account
      ? sql`select p.account_id as k, (extract(epoch from min(st.occurred_at)) * 1000)::float8 as lead from stage_transitions st join people p on p.id = st.person_id
            where p.account_id in (select o.account_id from opportunities o ${only}) group by p.account_id`
      : sql`select st.person_id as k, (extract(epoch from min(st.occurred_at)) * 1000)::float8 as lead from stage_transitions st
            where st.person_id in (select oc.person_id from opportunity_contacts oc join opportunities o on o.id = oc.opportunity_id ${only}) group by st.person_id`),
  ]);
  const keysOf = new Map<string, string[]>();
  for (const c of contacts) { const l = keysOf.get(c.o); if (l) l.push(c.p); else keysOf.set(c.o, [c.p]); }
  const leadOf = new Map(leads.map((l) => [l.k, Number(l.lead)]));
  const dims = await loadDimensions(db);
  const dealInputs: DealInput[] = deals.map((d) => {
    const keys = account ? [d.account_id] : keysOf.get(d.id) ?? [];
    let lead: number | null = null;
    for (const k of keys) { const l = leadOf.get(k); if (l !== undefined && (lead === null || l < lead)) lead = l; }
    return {
      id: d.id, accountId: d.account_id, amount: Number(d.amount), pipelineAmount: Number(d.pipeline_amount ?? d.amount), pipelineAmountKnown: d.pipeline_amount !== null, currency: d.currency, createdAt: Number(d.created),
      closedAt: d.closed === null ? null : Number(d.closed), isWon: d.is_won, keys, leadCreatedAt: lead,
    };
  });
  if (dealInputs.length === 0) return { deals: [], touches: emptyTouches(), dims };
  const earliest = Math.min(...dealInputs.map((d) => d.createdAt)) - config.lookbackDays * DAY;
  const keyColumn = config.touchScope === 'account' ? sql`t.account_id` : sql`t.person_id`;
  const rich = sql`t.id::text || chr(31) || ${keyColumn}::text || chr(31) || (extract(epoch from t.occurred_at) * 1000)::int8::text
        || chr(31) || t.channel || chr(31) || t.side || chr(31) || coalesce(t.campaign_id::text, '') || chr(31)
        || coalesce(translate(t.asset, chr(30) || chr(31), '  '), '') || chr(31)
        || case when t.side = 'marketing' then '' else coalesce(t.properties->>'loggedBy', t.properties->>'by', '') end`;
  const effective = sql`not t.retracted and not exists (select 1 from touchpoints c where c.corrects_id = t.id)`;
  const from = new Date(earliest).toISOString();
  if (options.nonConverting && !opportunityIds) {
    // One scan for both: the deals' journeys, and everyone else's journeys for the Markov fit.
    const nc = options.nonConverting;
    const dealKeys = config.touchScope === 'account' ? sql`select distinct account_id as k from opportunities` : sql`select distinct person_id as k from opportunity_contacts`;
    const packed = await byIdRanges(db, (range) => db.execute<{ s: string | null; p: string | null }>(sql`
      select string_agg(${rich}, chr(30)) filter (where dk.k is not null and t.occurred_at >= ${from}::timestamptz) as s,
        string_agg(hashtextextended(${keyColumn}::text, 0)::text || ',' || extract(epoch from t.occurred_at)::int8::text || ${channelLetterSql}, ';')
          filter (where dk.k is null and t.occurred_at >= ${nc.from.toISOString()}::timestamptz and t.occurred_at <= ${nc.to.toISOString()}::timestamptz) as p
      from touchpoints t left join (${dealKeys}) dk on dk.k = ${keyColumn}
      where ${range} and ${keyColumn} is not null and t.occurred_at >= least(${from}::timestamptz, ${nc.from.toISOString()}::timestamptz) and ${effective}`));
    return { deals: dealInputs, touches: parseTouches(joined(packed, 's', RS), dims), dims, nonConverting: joined(packed, 'p', ';') };
  }
  const whose: SQL = opportunityIds
    ? sql`${keyColumn} = any(${toUuidArray([...new Set(dealInputs.flatMap((d) => d.keys))])}::uuid[])`
    : config.touchScope === 'account' ? sql`t.account_id in (select account_id from opportunities)` : sql`t.person_id in (select person_id from opportunity_contacts)`;
  const read = (range: SQL) => db.execute<{ s: string | null }>(sql`
    select string_agg(${rich}, chr(30)) as s from touchpoints t
    where ${range} and ${whose} and t.occurred_at >= ${from}::timestamptz and ${effective}`);
  // A few deals (a refresh) in one query; every deal by ranges of touches.
  const packed = opportunityIds ? [(await read(sql`true`)).rows[0]] : await byIdRanges(db, read);
  return { deals: dealInputs, touches: parseTouches(joined(packed, 's', RS), dims), dims };
}

/** Touches per query when every deal is read: the packed text of one range stays ~10–20 MB. */
const TOUCH_RANGE = 250_000;

/**
 * Runs a packing query once per range of touch ids and returns each range's row. One query over
 * every touch built texts of ~100 MB inside the database: on PGlite that grows the WASM heap,
 * which never gives memory back (a server ran at ~1.05 GB after one full recompute of the large
 * demo). Ranges are read one after the other; their texts are joined here.
 */
async function byIdRanges<R>(db: Database, read: (range: SQL) => Promise<{ rows: R[] }>): Promise<(R | undefined)[]> {
  const { rows: [bounds] } = await db.execute<{ lo: number | null; hi: number | null }>(sql`select min(id) as lo, max(id) as hi from touchpoints`);
  if (bounds?.lo === null || bounds?.lo === undefined || bounds.hi === null) return [];
  const out: (R | undefined)[] = [];
  for (let lo = Number(bounds.lo); lo <= Number(bounds.hi); lo += TOUCH_RANGE) {
    out.push((await read(sql`t.id >= ${lo} and t.id < ${lo + TOUCH_RANGE}`)).rows[0]);
  }
  return out;
}

/** The ranges' packed texts as one, with the separator between non-empty ones. */
function joined<K extends string>(rows: readonly (Partial<Record<K, string | null>> | undefined)[], key: K, separator: string): string {
  return rows.map((r) => r?.[key]).filter((x): x is string => !!x).join(separator);
}

export async function loadDimensions(db: Database): Promise<Dimensions> {
  const [{ rows: campaigns }, { rows: users }] = await Promise.all([
    db.execute<{ id: string; owner_id: string | null }>(sql`select id, owner_id from campaigns order by id`),
    db.execute<{ id: string; team_id: string | null; role: Role }>(sql`select id, team_id, role from users order by id`),
  ]);
  return {
    campaigns: campaigns.map((c) => ({ id: c.id, ownerId: c.owner_id })),
    assets: [],
    users: users.map((u) => ({ id: u.id, teamId: u.team_id, role: u.role })),
  };
}

function emptyTouches(): TouchColumns {
  return parseTouches('', { campaigns: [], assets: [], users: [] });
}

function parseTouches(s: string, dims: Dimensions): TouchColumns {
  let size = 0;
  if (s.length) { size = 1; for (let i = s.indexOf(RS); i >= 0; i = s.indexOf(RS, i + 1)) size++; }
  const cols: TouchColumns = {
    size, id: new Float64Array(size), at: new Float64Array(size), channel: new Uint8Array(size), side: new Uint8Array(size),
    campaign: new Int32Array(size), asset: new Int32Array(size), user: new Int32Array(size), byKey: new Map(),
  };
  const channelIndex = new Map<string, number>(CHANNELS.map((c, i) => [c, i]));
  const sideIndex = new Map<string, number>(SIDE_CODES.map((c, i) => [c, i]));
  const campaignIndex = new Map(dims.campaigns.map((c, i) => [c.id, i]));
  const userIndex = new Map(dims.users.map((u, i) => [u.id, i]));
  const assetIndex = new Map(dims.assets.map((a, i) => [a, i]));
  // One pass of indexOf over the packed text, no per-row arrays: parsing was a fifth of the load.
  let pos = 0;
  for (let n = 0; n < size; n++) {
    const e0 = s.indexOf(FS, pos);
    const e1 = s.indexOf(FS, e0 + 1);
    const e2 = s.indexOf(FS, e1 + 1);
    const e3 = s.indexOf(FS, e2 + 1);
    const e4 = s.indexOf(FS, e3 + 1);
    const e5 = s.indexOf(FS, e4 + 1);
    const e6 = s.indexOf(FS, e5 + 1);
    let end = s.indexOf(RS, e6 + 1);
    if (end < 0) end = s.length;
    cols.id[n] = Number(s.slice(pos, e0));
    cols.at[n] = Number(s.slice(e1 + 1, e2));
    cols.channel[n] = channelIndex.get(s.slice(e2 + 1, e3)) ?? CHANNELS.length - 1;
    cols.side[n] = sideIndex.get(s.slice(e3 + 1, e4)) ?? 0;
    cols.campaign[n] = e5 > e4 + 1 ? campaignIndex.get(s.slice(e4 + 1, e5)) ?? -1 : -1;
    let a = -1;
    if (e6 > e5 + 1) {
      const asset = s.slice(e5 + 1, e6);
      a = assetIndex.get(asset) ?? -1;
      if (a < 0) { a = dims.assets.length; dims.assets.push(asset); assetIndex.set(asset, a); }
    }
    cols.asset[n] = a;
    cols.user[n] = end > e6 + 1 ? userIndex.get(s.slice(e6 + 1, end)) ?? -1 : -1;
    const key = s.slice(e0 + 1, e1);
    const list = cols.byKey.get(key);
    if (list) list.push(n); else cols.byKey.set(key, [n]);
    pos = end + 1;
  }
  for (const list of cols.byKey.values()) list.sort((a, b) => cols.at[a]! - cols.at[b]! || cols.id[a]! - cols.id[b]!);
  return cols;
}

/** A uuid[] literal bound as one parameter (no parameter-count limit, one parse). */
export function toUuidArray(ids: readonly string[]): string {
  return `{${ids.join(',')}}`;
}
