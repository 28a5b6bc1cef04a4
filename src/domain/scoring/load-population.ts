import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { CHANNELS, TOUCH_KINDS, type Channel, type LifecycleStage, type TouchKind } from '../../db/schema/vocabulary.js';
import type { PersonFacts, TouchFact } from './score-person.js';
import type { ScoringDefinition } from './scoring-model.schema.js';

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

/** A query whose rows come back as arrays (through the driver under Drizzle, which has no such mode for raw SQL). */
async function arrays(db: Database, text: string, values: unknown[]): Promise<{ rows: unknown[][] }> {
  return (db as unknown as { $client: { query(q: { text: string; values: unknown[]; rowMode: 'array' }): Promise<{ rows: unknown[][] }> } }).$client.query({ text, values, rowMode: 'array' });
}

const KIND_INDEX = new Map<string, number>(TOUCH_KINDS.map((k, i) => [k, i]));
const CHANNEL_INDEX = new Map<string, number>(CHANNELS.map((c, i) => [c, i]));
const PEOPLE_CHUNK = 50_000;
const TOUCH_CHUNK = 250_000;

/**
 * Reads the population: people and accounts once, free-mail domains once (matched in process),
 * then touches by id range (each range one short query, so on PGlite other requests get the
 * database in between), bucketed by person.
 */
export async function loadPopulation(db: Database, needs: TouchNeeds, options: { yieldEvery?: () => Promise<void> } = {}): Promise<Population> {
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

  // Touches in id order, range by range; bucketed by person below (stable, so ties stay in id order).
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
    for (let from = Number(bounds.lo); from <= Number(bounds.hi); from += TOUCH_CHUNK) {
      const cols = ['t.person_id', "round(date_part('epoch', date_trunc('milliseconds', t.occurred_at)) * 1000)", 't.kind', 't.channel',
        ...(needs.campaign ? ['t.campaign_id'] : []), ...(needs.asset ? ['t.asset'] : []), ...(needs.page ? ["t.properties -> 'url'", "t.properties -> 'page'"] : [])];
      // Rows as arrays straight from the driver: 2,000,000 objects with named keys cost seconds.
      const { rows } = await arrays(db, `select ${cols.join(', ')} from touchpoints t
        where t.id >= $1 and t.id < $2 and not t.retracted and not exists (select 1 from touchpoints c where c.corrects_id = t.id)
        order by t.id`, [from, from + TOUCH_CHUNK]);
      const n = rows.length;
      const o = new Int32Array(n), a = new Float64Array(n), k = new Uint8Array(n), ch = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        const r = rows[i]!;
        o[i] = index.get(r[0] as string) ?? -1;
        a[i] = r[1] as number;
        k[i] = KIND_INDEX.get(r[2] as string)!;
        ch[i] = CHANNEL_INDEX.get(r[3] as string)!;
        let c = 4;
        if (campaign) campaign.push(r[c++] as string | null);
        if (asset) asset.push(r[c++] as string | null);
        if (url) { url.push(r[c++]); page!.push(r[c++]); }
      }
      owner.push(o); atParts.push(a); kindParts.push(k); channelParts.push(ch);
      total += n;
      await pause();
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
  const pop: Population = { ids, stages, since, facts, start, at, kind, channel, campaign: pick(campaign), asset: pick(asset), url: pick(url), page: pick(page) };
  sortEachByTime(pop);
  return pop;
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
