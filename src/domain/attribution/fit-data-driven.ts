import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { CHANNELS } from '../../db/schema/vocabulary.js';
import type { AttributionConfig } from './attribution-settings.js';
import { channelLetterSql } from './load-credit-inputs.js';
import { removalEffects, TransitionCounts } from './markov.js';
import { markovShapley } from './shapley.js';

const DAY = 86_400_000;

export type DataDrivenFit = {
  channels: readonly string[];
  journeys: number;
  conversions: number;
  conversionProbability: number;
  removalEffects: number[];
  markovShares: number[];
  shapleyValues: number[] | null;
  shapleyShares: number[] | null;
};

/**
 * Fits the data-driven models over every journey: the deals' journeys up to their creation
 * (converting) and, for everyone (or every account) on no deal, their touches of the lookback
 * window before now (not converting). The touches are read as one packed text value per chunk
 * (journey key hash, time, channel) and ordered here, not in SQL: sorting two million rows costs
 * PGlite several seconds. The full recompute passes them packed already (`packedNonConverting`,
 * read in the same scan as the deals' journeys).
 */
export async function fitDataDriven(db: Database, config: AttributionConfig, now: Date, converting: Uint8Array[], packedNonConverting?: string): Promise<DataDrivenFit> {
  const tc = new TransitionCounts(CHANNELS.length);
  for (const path of converting) tc.addPath(path, true);
  if (packedNonConverting !== undefined) {
    addNonConverting(tc, packedNonConverting ? [packedNonConverting] : []);
    return fitted(tc);
  }
  const since = new Date(now.getTime() - config.lookbackDays * DAY).toISOString();
  const onDeals = config.touchScope === 'account'
    ? sql`not exists (select 1 from opportunities o where o.account_id = t.account_id) and t.account_id is not null`
    : sql`not exists (select 1 from opportunity_contacts oc where oc.person_id = t.person_id) and t.person_id is not null`;
  const key = config.touchScope === 'account' ? sql`t.account_id` : sql`t.person_id`;
  const { rows: [range] } = await db.execute<{ lo: number | null; hi: number | null }>(sql`select min(id) as lo, max(id) as hi from touchpoints`);
  const chunks: string[] = [];
  const CHUNK = 500_000;
  for (let lo = Number(range?.lo ?? 1); range?.hi != null && lo <= Number(range.hi); lo += CHUNK) {
    const { rows: [packed] } = await db.execute<{ s: string | null }>(sql`
      select string_agg(hashtextextended(${key}::text, 0)::text || ',' || extract(epoch from t.occurred_at)::int8::text || ${channelLetterSql}, ';') as s
      from touchpoints t
      where t.id >= ${lo} and t.id < ${lo + CHUNK} and t.occurred_at >= ${since}::timestamptz and t.occurred_at <= ${now.toISOString()}::timestamptz
        and ${onDeals} and not t.retracted and not exists (select 1 from touchpoints c where c.corrects_id = t.id)`);
    if (packed?.s) chunks.push(packed.s);
  }
  addNonConverting(tc, chunks);
  return fitted(tc);
}

function fitted(tc: TransitionCounts): DataDrivenFit {
  const re = removalEffects(tc);
  const sh = markovShapley(tc);
  return {
    channels: CHANNELS, journeys: tc.journeys, conversions: tc.conversions, conversionProbability: re.conversionProbability,
    removalEffects: Array.from(re.removalEffects), markovShares: Array.from(re.shares),
    shapleyValues: sh ? Array.from(sh.values) : null, shapleyShares: sh ? Array.from(sh.shares) : null,
  };
}

/**
 * Parses `hash,epochSeconds<channel letter>;…` into journeys and adds each as a non-converting
 * path: touches grouped by journey with a counting sort, then ordered by time within each.
 */
function addNonConverting(tc: TransitionCounts, chunks: string[]): void {
  let size = 0;
  for (const s of chunks) { size++; for (let i = s.indexOf(';'); i >= 0; i = s.indexOf(';', i + 1)) size++; }
  const journeyOf = new Int32Array(size);
  const at = new Float64Array(size);
  const channel = new Uint8Array(size);
  const index = new Map<number, number>();
  let n = 0;
  for (const s of chunks) {
    let pos = 0;
    while (pos < s.length) {
      const comma = s.indexOf(',', pos);
      let end = s.indexOf(';', comma);
      if (end < 0) end = s.length;
      // The 64-bit hash as a double keeps ~53 bits: two journeys colliding is a one-in-billions event.
      const key = Number(s.slice(pos, comma));
      let j = index.get(key);
      if (j === undefined) { j = index.size; index.set(key, j); }
      journeyOf[n] = j;
      at[n] = Number(s.slice(comma + 1, end - 1));
      channel[n] = s.charCodeAt(end - 1) - 97;
      n++;
      pos = end + 1;
    }
  }
  const journeys = index.size;
  const start = new Int32Array(journeys + 1);
  for (let i = 0; i < n; i++) start[journeyOf[i]! + 1] = start[journeyOf[i]! + 1]! + 1;
  for (let j = 0; j < journeys; j++) start[j + 1] = start[j + 1]! + start[j]!;
  const fill = start.slice(0, journeys);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const j = journeyOf[i]!;
    order[fill[j]!] = i;
    fill[j] = fill[j]! + 1;
  }
  for (let j = 0; j < journeys; j++) {
    const seg = order.subarray(start[j]!, start[j + 1]!);
    if (seg.length > 1) seg.sort((a, b) => at[a]! - at[b]! || a - b);
    tc.addPath(Array.from(seg, (i) => channel[i]!), false);
  }
}
