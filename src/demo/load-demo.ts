import type pg from 'pg';
import type { DbHandle } from '../db/client.js';
import { buildAccounts, buildCampaigns, buildTeam, type DemoAccount } from './build-company.js';
import { buildJourneys, type JourneyContext } from './build-journeys.js';
import { bulkInsert } from './bulk-insert.js';
import { createRng } from './random.js';

export type DemoScale = 'tiny' | 'default' | 'large';
export type DemoOptions = {
  seed?: number;
  scale?: DemoScale;
  /** The company's "today"; truncated to the day so one seed gives one company per day. */
  now?: Date;
  force?: boolean;
  onProgress?: (step: string, done: number, total: number) => void;
};
export type DemoSummary = { seed: number; scale: DemoScale; counts: Record<string, number> };

const SIZES: Record<DemoScale, { accounts: number; people: number; campaigns: number; engagement: number; chunkAccounts: number }> = {
  tiny: { accounts: 60, people: 600, campaigns: 12, engagement: 1, chunkAccounts: 60 },
  default: { accounts: 2_000, people: 20_000, campaigns: 40, engagement: 1, chunkAccounts: 500 },
  large: { accounts: 20_000, people: 200_000, campaigns: 80, engagement: 1.9, chunkAccounts: 500 },
};

export async function isDatabaseEmpty(handle: DbHandle): Promise<boolean> {
  const r = await handle.pool.query<{ any: boolean }>('select exists (select 1 from people) or exists (select 1 from accounts) as any');
  return !r.rows[0]!.any;
}

/**
 * Loads a realistic mid-market B2B company, deterministic from the seed: a sales and a marketing
 * team, accounts with sites and hierarchies, campaigns with costs, people whose journeys follow
 * the funnel rates of DOMAIN.md, 12 months of touches, and opportunities with outcomes.
 */
export async function loadDemo(handle: DbHandle, options: DemoOptions = {}): Promise<DemoSummary> {
  const seed = options.seed ?? 42;
  const scale = options.scale ?? 'default';
  const size = SIZES[scale];
  const day = new Date(options.now ?? new Date());
  day.setUTCHours(0, 0, 0, 0);
  const now = day.getTime();
  const progress = options.onProgress ?? (() => {});
  if (!options.force && !(await isDatabaseEmpty(handle))) {
    throw new Error('The database already holds people or accounts; the demo company loads only into an empty database (use --force to add it anyway).');
  }
  const rng = createRng(seed);
  const { users, teams } = buildTeam(rng);
  const accounts = buildAccounts(rng, size.accounts, users, now);
  const campaigns = buildCampaigns(rng, size.campaigns, users.filter((u) => u.role === 'marketing'), now);
  const counts: Record<string, number> = { users: users.length, accounts: accounts.length, campaigns: campaigns.length, people: 0, touchpoints: 0, opportunities: 0 };

  const client = await handle.pool.connect();
  // One transaction for the default company (all or nothing); the large one commits per chunk.
  const chunked = scale === 'large';
  try {
    await client.query('begin');
    progress('team', 0, 1);
    await bulkInsert(client, 'teams', { id: 'uuid', name: 'text', kind: 'text' }, teams.map(({ managerId: _m, ...t }) => t));
    await bulkInsert(client, 'users', { id: 'uuid', email: 'text', name: 'text', role: 'text', team_id: 'uuid', manager_id: 'uuid', timezone: 'text' },
      users.map((u) => ({ id: u.id, email: u.email, name: u.name, role: u.role, team_id: u.teamId, manager_id: u.managerId, timezone: u.timezone })));
    for (const t of teams) await client.query('update teams set manager_id = $1 where id = $2', [t.managerId, t.id]);
    await insertAccounts(client, accounts);
    await bulkInsert(client, 'campaigns', { id: 'uuid', external_id: 'text', name: 'text', type: 'text', channel: 'text', starts_on: 'date', ends_on: 'date', budget: 'numeric', actual_cost: 'numeric', owner_id: 'uuid' },
      campaigns.map((c, i) => ({ id: c.id, external_id: `demo-c-${i + 1}`, name: c.name, type: c.type, channel: c.channel, starts_on: c.startsOn, ends_on: c.endsOn, budget: c.budget, actual_cost: c.actualCost, owner_id: c.ownerId })));
    await insertSetup(client, campaigns.find((c) => c.type === 'content')?.id ?? null);
    if (chunked) await client.query('commit');

    const jc: JourneyContext = { rng, now, campaigns, users, touchSeq: { n: 0 }, personSeq: { n: 0 }, usedEmails: new Set(), engagement: size.engagement };
    for (let i = 0; i < accounts.length; i += size.chunkAccounts) {
      const slice = accounts.slice(i, i + size.chunkAccounts);
      const share = Math.round(size.people * (slice.length / accounts.length));
      const rows = buildJourneys(jc, slice, share, 0.05);
      if (chunked) await client.query('begin');
      await insertJourneys(client, rows);
      if (chunked) await client.query('commit');
      counts.people! += rows.people.length;
      counts.touchpoints! += rows.touches.length;
      counts.opportunities! += rows.opportunities.length;
      progress('people and journeys', Math.min(i + size.chunkAccounts, accounts.length), accounts.length);
    }
    if (chunked) await client.query('begin');
    await client.query(`insert into settings (key, value) values ('demo', $1) on conflict (key) do update set value = excluded.value, updated_at = now()`,
      [JSON.stringify({ seed, scale, now: day.toISOString(), counts })]);
    await client.query('commit');
    await client.query('analyze');
  } catch (e) {
    await client.query('rollback').catch(() => {});
    throw e;
  } finally {
    client.release();
  }
  return { seed, scale, counts };
}

async function insertAccounts(client: pg.PoolClient, accounts: DemoAccount[]): Promise<void> {
  const ordered = [...accounts].sort((a, b) => Number(a.parentId !== null) - Number(b.parentId !== null));
  await bulkInsert(client, 'accounts', {
    id: 'uuid', external_id: 'text', name: 'text', industry: 'text', employee_count: 'int', annual_revenue: 'numeric', country: 'text',
    region: 'text', parent_id: 'uuid', owner_id: 'uuid', tier: 'text', custom: 'jsonb', created_at: 'timestamptz', updated_at: 'timestamptz',
  }, ordered.map((a, i) => ({
    id: a.id, external_id: `demo-a-${i + 1}`, name: a.name, industry: a.industry, employee_count: a.employeeCount, annual_revenue: a.annualRevenue,
    country: a.country, region: a.region, parent_id: a.parentId, owner_id: a.ownerId, tier: a.tier, custom: { segment: a.segment },
    created_at: a.createdAt, updated_at: a.createdAt,
  })));
  await bulkInsert(client, 'account_domains', { domain: 'text', account_id: 'uuid' }, accounts.flatMap((a) => a.domains.map((domain) => ({ domain, account_id: a.id }))));
  await bulkInsert(client, 'sites', { id: 'uuid', account_id: 'uuid', name: 'text', city: 'text', country: 'text', headcount: 'int', business_unit: 'text' },
    accounts.flatMap((a) => a.sites.map((s) => ({ id: s.id, account_id: a.id, name: s.name, city: s.city, country: s.country, headcount: s.headcount, business_unit: s.businessUnit }))));
}

async function insertSetup(client: pg.PoolClient, ebookCampaign: string | null): Promise<void> {
  const origins = ['http://localhost:3000', 'http://127.0.0.1:3000', 'https://www.example.com'];
  await bulkInsert(client, 'forms', { key: 'text', name: 'text', kind: 'text', campaign_id: 'uuid', asset: 'text', allowed_origins: 'text[]', success_message: 'text' }, [
    { key: 'demo-request', name: 'Book a demo', kind: 'demo_request', campaign_id: null, asset: null, allowed_origins: origins, success_message: 'Thank you! A specialist will contact you within one business day.' },
    { key: 'contact-sales', name: 'Contact sales', kind: 'contact_sales', campaign_id: null, asset: null, allowed_origins: origins, success_message: 'Thank you, our sales team will be in touch.' },
    { key: 'ebook', name: 'Download the buyer guide', kind: 'content_download', campaign_id: ebookCampaign, asset: 'Buyer guide 2026', allowed_origins: origins, success_message: 'Your guide is on its way to your inbox.' },
  ]);
  await bulkInsert(client, 'custom_field_definitions', { entity: 'text', key: 'text', label: 'text', type: 'text', options: 'text[]' }, [
    { entity: 'account', key: 'segment', label: 'Segment', type: 'picklist', options: ['SMB', 'Mid-market', 'Enterprise'] },
    { entity: 'person', key: 'lead_source_detail', label: 'Lead source detail', type: 'text', options: null },
  ]);
}

async function insertJourneys(client: pg.PoolClient, rows: ReturnType<typeof buildJourneys>): Promise<void> {
  await bulkInsert(client, 'people', {
    id: 'uuid', external_id: 'text', email: 'text', first_name: 'text', last_name: 'text', title: 'text', seniority: 'text', buying_role: 'text',
    phone: 'text', company_name: 'text', country: 'text', region: 'text', consent_status: 'text', consent_at: 'timestamptz', consent_source: 'text',
    original_source: 'text', original_channel: 'text', lifecycle_stage: 'text', owner_id: 'uuid', account_id: 'uuid', site_id: 'uuid',
    custom: 'jsonb', created_at: 'timestamptz', updated_at: 'timestamptz',
  }, rows.people);
  await bulkInsert(client, 'stage_transitions', {
    person_id: 'uuid', from_stage: 'text', to_stage: 'text', occurred_at: 'timestamptz', actor_type: 'text', actor_id: 'text', reason: 'text', is_reentry: 'boolean',
  }, rows.transitions);
  rows.touches.sort((a, b) => String(a.occurred_at).localeCompare(String(b.occurred_at)));
  await bulkInsert(client, 'touchpoints', {
    external_id: 'text', occurred_at: 'timestamptz', person_id: 'uuid', account_id: 'uuid', channel: 'text', kind: 'text', campaign_id: 'uuid',
    side: 'text', recorded_by: 'text', asset: 'text', properties: 'jsonb',
  }, rows.touches, 10_000);
  await bulkInsert(client, 'opportunities', {
    id: 'uuid', external_id: 'text', account_id: 'uuid', name: 'text', amount: 'numeric', currency: 'text', stage: 'text', owner_id: 'uuid',
    created_at: 'timestamptz', close_date: 'date', closed_at: 'timestamptz', is_won: 'boolean', lost_reason: 'text', custom: 'jsonb', updated_at: 'timestamptz',
  }, rows.opportunities);
  await bulkInsert(client, 'opportunity_contacts', { opportunity_id: 'uuid', person_id: 'uuid', role: 'text' }, rows.contacts);
}
