import type { DbHandle } from '../db/client.js';
import { campaignCalendar } from './campaign-calendar.js';
import { generateAccounts } from './generate-accounts.js';
import { generateCampaigns } from './generate-campaigns.js';
import { generateJourneys, type JourneyContext } from './generate-journeys.js';
import { generateTeam } from './generate-team.js';
import { setDemoPasswords } from './set-demo-passwords.js';
import { insertAccounts, insertBatch, insertCampaigns, insertSetup, insertStaff } from './insert-demo-rows.js';
import { deferIndexes } from './deferred-indexes.js';
import { createRng } from './random.js';
import { inTransaction } from './in-transaction.js';
import { setUpHandoffs } from './set-up-handoffs.js';
import { publishDemoModel } from './publish-demo-model.js';
import { creditDemoDeals } from './credit-demo-deals.js';

export type DemoScale = 'tiny' | 'default' | 'large';
export type DemoOptions = {
  seed?: number;
  scale?: DemoScale;
  /** The company's "today" (truncated to the day): the CLI passes the real date, tests a fixed one. */
  now?: Date;
  /** Load even though the database already has people (the demo's own keys must still be free). */
  force?: boolean;
  onProgress?: (step: string, done: number, total: number) => void;
};
export type DemoCounts = {
  users: number; teams: number; accounts: number; sites: number; campaigns: number; people: number;
  stageTransitions: number; touchpoints: number; opportunities: number;
};
export type DemoSummary = { seed: number; scale: DemoScale; now: string; counts: DemoCounts };

/** The anchor used when the caller passes no `now`: a fixed day, so a bare call is reproducible too. */
export const DEFAULT_DEMO_NOW = new Date('2026-06-15T00:00:00Z');
export const DEFAULT_DEMO_SEED = 42;

const SIZES: Record<DemoScale, { accounts: number; people: number; campaigns: number; engagement: number; slice: number }> = {
  tiny: { accounts: 50, people: 500, campaigns: 12, engagement: 1, slice: 50 },
  default: { accounts: 2_000, people: 20_000, campaigns: 40, engagement: 1, slice: 400 },
  large: { accounts: 20_000, people: 200_000, campaigns: 60, engagement: 0.8, slice: 400 },
};
const FREE_MAIL_SHARE = 0.05;
const DAY = 86_400_000;

export async function isDatabaseEmpty(handle: DbHandle): Promise<boolean> {
  const r = await handle.pool.query<{ any: boolean }>('select exists (select 1 from people) or exists (select 1 from accounts) as any');
  return !r.rows[0]!.any;
}

/**
 * Loads a realistic mid-market B2B company, deterministic from seed and day: a sales and a
 * marketing team, accounts with sites and hierarchies, a year of campaigns with costs, people
 * whose journeys follow the funnel rates of DOMAIN.md, their touches, and the deals they led to.
 * One transaction: a failed load leaves nothing behind. The large company is generated and
 * written slice by slice, so memory stays bounded.
 */
export async function loadDemo(handle: DbHandle, options: DemoOptions = {}): Promise<DemoSummary> {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const scale = options.scale ?? 'default';
  const size = SIZES[scale];
  const day = new Date(options.now ?? DEFAULT_DEMO_NOW);
  day.setUTCHours(0, 0, 0, 0);
  const now = day.getTime();
  const start = now - 365 * DAY;
  const progress = options.onProgress ?? (() => {});
  if (!options.force && (await hasPeople(handle))) {
    throw new Error('The database already has people: the demo company loads only into an empty database. Use a fresh data folder, or --force to add it anyway.');
  }

  const rng = createRng(seed);
  const staff = generateTeam(rng);
  const accounts = generateAccounts(rng, size.accounts, staff.users, now);
  const campaigns = generateCampaigns(rng, size.campaigns, staff.users.filter((u) => u.role === 'marketing'), now);
  const counts: DemoCounts = {
    users: staff.users.length, teams: staff.teams.length, accounts: accounts.length, sites: accounts.reduce((s, a) => s + a.sites.length, 0),
    campaigns: campaigns.length, people: 0, stageTransitions: 0, touchpoints: 0, opportunities: 0,
  };
  const totalWeight = accounts.reduce((s, a) => s + Math.sqrt(a.employeeCount), 0);
  const jc: JourneyContext = {
    rng, now, start, users: staff.users, calendar: campaignCalendar(campaigns), engagement: size.engagement, usedEmails: new Set(), seq: { person: 0 },
  };
  const seq = { touch: 0, opportunity: 0 };

  await inTransaction(handle, async (client) => {
    progress('team and accounts', 0, 1);
    await insertStaff(client, staff, start - 365 * DAY);
    await setDemoPasswords(client);
    await insertAccounts(client, accounts);
    await insertCampaigns(client, campaigns);
    await insertSetup(client, campaigns.find((c) => c.type === 'content')?.id ?? null, start);
    progress('team and accounts', 1, 1);
    const touchesEmpty = (await client.query('select not exists (select 1 from touchpoints) as empty')).rows[0].empty as boolean;
    const restoreIndexes = touchesEmpty ? await deferIndexes(client, 'touchpoints') : async () => {};
    for (let i = 0; i < accounts.length; i += size.slice) {
      const slice = accounts.slice(i, i + size.slice);
      const weight = slice.reduce((s, a) => s + Math.sqrt(a.employeeCount), 0);
      const batch = generateJourneys(jc, slice, Math.round((size.people * weight) / totalWeight), FREE_MAIL_SHARE, weight);
      await insertBatch(client, batch, seq);
      counts.people += batch.journeys.length;
      counts.stageTransitions += batch.journeys.reduce((s, j) => s + j.steps.length, 0);
      counts.touchpoints += batch.touches.length;
      counts.opportunities += batch.opportunities.length;
      progress('people, touches and deals', Math.min(i + size.slice, accounts.length), accounts.length);
    }
    progress('indexes', 0, 1);
    await restoreIndexes();
    progress('indexes', 1, 1);
    await client.query(`insert into settings (key, value, updated_at) values ('demo', $1, now()) on conflict (key) do update set value = excluded.value, updated_at = now()`,
      [JSON.stringify({ seed, scale, now: day.toISOString(), loadedAt: new Date().toISOString(), counts })]);
  });
  progress('analyze', 0, 1);
  await handle.pool.query('analyze');
  progress('analyze', 1, 1);
  progress('scores', 0, 1);
  await publishDemoModel(handle, new Date(options.now ?? DEFAULT_DEMO_NOW));
  progress('scores', 1, 1);
  progress('hand-offs', 0, 1);
  await setUpHandoffs(handle, new Date(options.now ?? DEFAULT_DEMO_NOW));
  progress('hand-offs', 1, 1);
  progress('attribution', 0, 1);
  await creditDemoDeals(handle, new Date(options.now ?? DEFAULT_DEMO_NOW));
  progress('attribution', 1, 1);
  // Every row was just written: their first readers would each set hint bits (with data checksums
  // on, a WAL record per page) and dirty pages. PGlite never vacuums on its own; a bulk load should.
  progress('vacuum', 0, 1);
  await handle.pool.query('vacuum');
  progress('vacuum', 1, 1);
  return { seed, scale, now: day.toISOString(), counts };
}

async function hasPeople(handle: DbHandle): Promise<boolean> {
  const r = await handle.pool.query<{ any: boolean }>('select exists (select 1 from people) as any');
  return r.rows[0]!.any;
}
