import type pg from 'pg';
import { bulkInsert } from './bulk-insert.js';
import type { DemoAccount } from './generate-accounts.js';
import type { DemoCampaign } from './generate-campaigns.js';
import type { JourneyBatch } from './generate-journeys.js';
import type { DemoStaff } from './generate-team.js';

const iso = (ms: number) => new Date(ms).toISOString();
const isoDay = (ms: number) => iso(ms).slice(0, 10);

/** Teams first without managers (users reference teams, teams reference users). */
export async function insertStaff(client: pg.PoolClient, { users, teams }: DemoStaff, createdAt: number): Promise<void> {
  await bulkInsert(client, 'teams', { id: 'uuid', name: 'text', kind: 'text', created_at: 'timestamptz' },
    teams.map((t) => ({ id: t.id, name: t.name, kind: t.kind, created_at: iso(createdAt) })));
  await bulkInsert(client, 'users', {
    id: 'uuid', external_id: 'text', email: 'text', name: 'text', role: 'text', team_id: 'uuid', manager_id: 'uuid', timezone: 'text', created_at: 'timestamptz', updated_at: 'timestamptz',
  }, users.map((u, i) => ({
    id: u.id, external_id: `demo-u-${i + 1}`, email: u.email, name: u.name, role: u.role, team_id: u.teamId, manager_id: u.managerId,
    timezone: u.timezone, created_at: iso(createdAt), updated_at: iso(createdAt),
  })));
  await client.query(`update teams t set manager_id = m.manager_id from jsonb_to_recordset($1::jsonb) as m(id uuid, manager_id uuid) where t.id = m.id`,
    [JSON.stringify(teams.map((t) => ({ id: t.id, manager_id: t.managerId })))]);
}

export async function insertAccounts(client: pg.PoolClient, accounts: readonly DemoAccount[]): Promise<void> {
  // Parents before their subsidiaries (parent_id is a foreign key).
  const numbered = accounts.map((a, i) => ({ a, no: i + 1 }));
  const ordered = [...numbered].sort((x, y) => Number(x.a.parentId !== null) - Number(y.a.parentId !== null));
  await bulkInsert(client, 'accounts', {
    id: 'uuid', external_id: 'text', name: 'text', industry: 'text', employee_count: 'int', annual_revenue: 'numeric', country: 'text',
    region: 'text', parent_id: 'uuid', owner_id: 'uuid', tier: 'text', custom: 'jsonb', created_at: 'timestamptz', updated_at: 'timestamptz',
  }, ordered.map(({ a, no }) => ({
    id: a.id, external_id: `demo-a-${no}`, name: a.name, industry: a.industry, employee_count: a.employeeCount,
    annual_revenue: a.annualRevenue, country: a.country, region: a.region, parent_id: a.parentId, owner_id: a.ownerId, tier: a.tier,
    custom: { segment: a.segment }, created_at: a.createdAt, updated_at: a.createdAt,
  })));
  await bulkInsert(client, 'account_domains', { domain: 'text', account_id: 'uuid' }, accounts.flatMap((a) => a.domains.map((domain) => ({ domain, account_id: a.id }))));
  await bulkInsert(client, 'sites', {
    id: 'uuid', external_id: 'text', account_id: 'uuid', name: 'text', city: 'text', country: 'text', headcount: 'int', business_unit: 'text', created_at: 'timestamptz',
  }, accounts.flatMap((a) => a.sites.map((s) => ({
    id: s.id, external_id: null, account_id: a.id, name: s.name, city: s.city, country: s.country, headcount: s.headcount, business_unit: s.businessUnit, created_at: a.createdAt,
  }))));
}

export async function insertCampaigns(client: pg.PoolClient, campaigns: readonly DemoCampaign[]): Promise<void> {
  await bulkInsert(client, 'campaigns', {
    id: 'uuid', external_id: 'text', name: 'text', type: 'text', channel: 'text', starts_on: 'date', ends_on: 'date', budget: 'numeric',
    actual_cost: 'numeric', owner_id: 'uuid', created_at: 'timestamptz', updated_at: 'timestamptz',
  }, campaigns.map((c, i) => ({
    id: c.id, external_id: `demo-c-${i + 1}`, name: c.name, type: c.type, channel: c.channel, starts_on: c.startsOn, ends_on: c.endsOn,
    budget: c.budget, actual_cost: c.actualCost, owner_id: c.ownerId, created_at: iso(c.start - 21 * 86_400_000), updated_at: iso(Math.min(c.end, c.start + 86_400_000)),
  })));
}

/** The public forms and the two custom fields the demo fills. */
export async function insertSetup(client: pg.PoolClient, ebookCampaignId: string | null, createdAt: number): Promise<void> {
  const origins = ['http://localhost:3000', 'https://www.example.com'];
  await bulkInsert(client, 'forms', { key: 'text', name: 'text', kind: 'text', campaign_id: 'uuid', asset: 'text', allowed_origins: 'text[]', success_message: 'text', created_at: 'timestamptz' }, [
    { key: 'demo-request', name: 'Book a demo', kind: 'demo_request', campaign_id: null, asset: null, allowed_origins: origins, success_message: 'Thank you! A specialist will contact you within one business day.' },
    { key: 'contact-sales', name: 'Contact sales', kind: 'contact_sales', campaign_id: null, asset: null, allowed_origins: origins, success_message: 'Thank you, our sales team will be in touch.' },
    { key: 'ebook', name: 'Download the buyer guide', kind: 'content_download', campaign_id: ebookCampaignId, asset: 'Buyer guide 2026', allowed_origins: origins, success_message: 'Your guide is on its way to your inbox.' },
  ].map((f) => ({ ...f, created_at: iso(createdAt) })));
  await bulkInsert(client, 'custom_field_definitions', { entity: 'text', key: 'text', label: 'text', type: 'text', options: 'text[]', created_at: 'timestamptz' }, [
    { entity: 'account', key: 'segment', label: 'Segment', type: 'picklist', options: ['SMB', 'Mid-market', 'Enterprise'], created_at: iso(createdAt) },
    { entity: 'person', key: 'lead_source_detail', label: 'Lead source detail', type: 'text', options: null, created_at: iso(createdAt) },
  ]);
}

const SOURCE_DETAIL: Record<string, string> = {
  page_view: 'Website visit', content_download: 'Gated content', webinar_registered: 'Webinar registration', badge_scan: 'Trade show badge scan',
  ad_click: 'Paid ad', social_engagement: 'Social', email_click: 'Purchased list e-mail', partner_registration: 'Partner referral',
  call: 'Cold call', sales_email: 'Outbound e-mail', linkedin_message: 'LinkedIn outreach',
};

/** One slice of people with their stage history, touches and deals; `seq` numbers touches and deals across slices. */
export async function insertBatch(client: pg.PoolClient, batch: JourneyBatch, seq: { touch: number; opportunity: number }): Promise<void> {
  const firstKind = new Map<string, string>();
  for (let i = batch.touches.length - 1; i >= 0; i--) firstKind.set(batch.touches[i]!.personId, batch.touches[i]!.kind);
  await bulkInsert(client, 'people', {
    id: 'uuid', external_id: 'text', email: 'text', first_name: 'text', last_name: 'text', title: 'text', seniority: 'text', buying_role: 'text',
    phone: 'text', company_name: 'text', country: 'text', region: 'text', consent_status: 'text', consent_at: 'timestamptz', consent_source: 'text',
    original_source: 'text', original_channel: 'text', lifecycle_stage: 'text', owner_id: 'uuid', account_id: 'uuid', site_id: 'uuid',
    custom: 'jsonb', created_at: 'timestamptz', updated_at: 'timestamptz',
  }, batch.journeys.map(({ person: p, t0, firstChannel, steps, ownerId }) => ({
    id: p.id, external_id: `demo-p-${p.seq}`, email: p.email, first_name: p.firstName, last_name: p.lastName, title: p.title,
    seniority: p.seniority, buying_role: p.buyingRole, phone: p.phone, company_name: p.account?.name ?? null, country: p.country, region: p.region,
    consent_status: p.consent, consent_at: p.consent === 'unknown' ? null : iso(t0), consent_source: p.consent === 'unknown' ? null : firstChannel === 'event' ? 'event registration' : 'web form',
    original_source: p.source, original_channel: firstChannel, lifecycle_stage: steps[steps.length - 1]!.stage, owner_id: ownerId,
    account_id: p.account?.id ?? null, site_id: p.site?.id ?? null, custom: { lead_source_detail: SOURCE_DETAIL[firstKind.get(p.id) ?? ''] ?? 'Other' },
    created_at: iso(t0), updated_at: iso(steps[steps.length - 1]!.at),
  })));
  await bulkInsert(client, 'stage_transitions', {
    person_id: 'uuid', from_stage: 'text', to_stage: 'text', occurred_at: 'timestamptz', actor_type: 'text', actor_id: 'text', reason: 'text', is_reentry: 'boolean', created_at: 'timestamptz',
  }, batch.journeys.flatMap(({ person, steps }) => steps.map((s, i) => ({
    person_id: person.id, from_stage: i === 0 ? null : steps[i - 1]!.stage, to_stage: s.stage, occurred_at: iso(s.at),
    actor_type: s.actorId ? 'user' : 'system', actor_id: s.actorId, reason: s.reason, is_reentry: s.reentry, created_at: iso(s.at),
  }))));
  // In time order, so identity ids follow time within a slice, as they would in real capture.
  const touches = [...batch.touches].sort((a, b) => a.at - b.at);
  await bulkInsert(client, 'touchpoints', {
    external_id: 'text', occurred_at: 'timestamptz', person_id: 'uuid', account_id: 'uuid', channel: 'text', kind: 'text', campaign_id: 'uuid',
    asset: 'text', side: 'text', properties: 'jsonb', recorded_by: 'text', created_at: 'timestamptz',
  }, touches.map((t) => ({
    external_id: `demo-${++seq.touch}`, occurred_at: iso(t.at), person_id: t.personId, account_id: t.accountId, channel: t.channel, kind: t.kind,
    campaign_id: t.campaignId, asset: t.asset, side: t.side, properties: t.properties, recorded_by: 'demo', created_at: iso(t.at),
  })));
  await bulkInsert(client, 'opportunities', {
    id: 'uuid', external_id: 'text', account_id: 'uuid', name: 'text', amount: 'numeric', stage: 'text', owner_id: 'uuid', created_at: 'timestamptz',
    close_date: 'date', closed_at: 'timestamptz', is_won: 'boolean', lost_reason: 'text', updated_at: 'timestamptz',
  }, batch.opportunities.map((o) => ({
    id: o.id, external_id: `demo-o-${++seq.opportunity}`, account_id: o.accountId, name: o.name, amount: o.amount, stage: o.stage, owner_id: o.ownerId,
    created_at: iso(o.createdAt), close_date: isoDay(o.closeDate), closed_at: o.closedAt === null ? null : iso(o.closedAt), is_won: o.isWon,
    lost_reason: o.lostReason, updated_at: iso(o.closedAt ?? o.createdAt),
  })));
  await bulkInsert(client, 'opportunity_contacts', { opportunity_id: 'uuid', person_id: 'uuid', role: 'text' },
    batch.contacts.map((c) => ({ opportunity_id: c.opportunityId, person_id: c.personId, role: c.role })));
}
