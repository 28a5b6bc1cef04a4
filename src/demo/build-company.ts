import type { Rng } from './random.js';
import { COUNTRIES, FIRST_NAMES, INDUSTRIES, LAST_NAMES, NAME_PARTS_A, NAME_PARTS_B, NAME_SUFFIX, TLD, type Territory } from './vocab.js';

export type DemoUser = { id: string; email: string; name: string; role: string; teamId: string | null; managerId: string | null; timezone: string; territory?: Territory };
export type DemoTeam = { id: string; name: string; kind: string; managerId: string | null };
export type DemoAccount = {
  id: string; name: string; domains: string[]; industry: string; employeeCount: number; annualRevenue: number;
  country: string; region: Territory; parentId: string | null; ownerId: string | null; tier: string | null; segment: string;
  createdAt: string; sites: { id: string; name: string; city: string; country: string; headcount: number; businessUnit: string }[];
};
export type DemoCampaign = { id: string; name: string; type: string; channel: string; startsOn: string; endsOn: string; budget: number; actualCost: number; ownerId: string };

const TZ: Record<Territory, string> = { NA: 'America/New_York', EMEA: 'Europe/Berlin', APAC: 'Asia/Singapore' };
const DAY = 86_400_000;

export function buildTeam(rng: Rng): { users: DemoUser[]; teams: DemoTeam[] } {
  const users: DemoUser[] = [];
  const teams: DemoTeam[] = [];
  const person = () => `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
  const add = (email: string, role: string, teamId: string | null, managerId: string | null, territory?: Territory) => {
    const u: DemoUser = { id: rng.uuid(), email, name: person(), role, teamId, managerId, timezone: TZ[territory ?? 'NA'], ...(territory ? { territory } : {}) };
    users.push(u);
    return u;
  };
  const team = (name: string, kind: string) => { const t: DemoTeam = { id: rng.uuid(), name, kind, managerId: null }; teams.push(t); return t; };

  add('admin@truce.demo', 'admin', null, null);
  const exec = add('exec@truce.demo', 'exec', null, null);
  const product = team('Product', 'product');
  product.managerId = add('product@truce.demo', 'product', product.id, exec.id).id;
  const marketing = team('Marketing', 'marketing');
  const cmo = add('marketing@truce.demo', 'marketing', marketing.id, exec.id);
  marketing.managerId = cmo.id;
  for (let i = 1; i <= 5; i++) add(`marketing${i}@truce.demo`, 'marketing', marketing.id, cmo.id);
  const sdr = team('Inside sales (SDR)', 'sdr');
  const sdrLead = add('sdr-manager@truce.demo', 'sales_manager', sdr.id, exec.id);
  sdr.managerId = sdrLead.id;
  for (let i = 1; i <= 8; i++) add(i === 1 ? 'sdr@truce.demo' : `sdr${i}@truce.demo`, 'sdr', sdr.id, sdrLead.id, (['NA', 'EMEA', 'APAC'] as const)[i % 3]);
  for (const territory of ['NA', 'EMEA', 'APAC'] as const) {
    const t = team(`Sales ${territory}`, 'sales');
    const mgr = add(territory === 'NA' ? 'manager@truce.demo' : `manager-${territory.toLowerCase()}@truce.demo`, 'sales_manager', t.id, exec.id, territory);
    t.managerId = mgr.id;
    for (let i = 1; i <= 6; i++) {
      add(territory === 'NA' && i === 1 ? 'rep@truce.demo' : `ae-${territory.toLowerCase()}${i}@truce.demo`, 'sales_rep', t.id, mgr.id, territory);
    }
  }
  return { users, teams };
}

export function buildAccounts(rng: Rng, count: number, users: DemoUser[], now: number): DemoAccount[] {
  const aes = (t: Territory) => users.filter((u) => u.role === 'sales_rep' && u.territory === t);
  const usedNames = new Set<string>();
  const usedDomains = new Set<string>();
  const accounts: DemoAccount[] = [];
  for (let i = 0; i < count; i++) {
    const [country, region, cities] = rng.weighted(COUNTRIES.map((c) => [c, c[3]] as const));
    let base = `${rng.pick(NAME_PARTS_A)} ${rng.pick(NAME_PARTS_B)}`;
    for (let n = 2; usedNames.has(base); n++) base = `${rng.pick(NAME_PARTS_A)} ${rng.pick(NAME_PARTS_B)}${n > 3 ? ` ${n}` : ''}`;
    usedNames.add(base);
    let domain = `${base.toLowerCase().replace(/[^a-z0-9]+/g, '')}.${TLD[country]}`;
    while (usedDomains.has(domain)) domain = `${rng.int(2, 99)}${domain}`;
    usedDomains.add(domain);
    const domains = [domain];
    if (rng.chance(0.15)) {
      const alt = `${base.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.com`;
      if (!usedDomains.has(alt)) { usedDomains.add(alt); domains.push(alt); }
    }
    const employeeCount = Math.max(10, Math.round(rng.logNormal(400, 1.3)));
    const tierRoll = rng.next();
    const tier = employeeCount > 2000 && tierRoll < 0.5 ? 'tier_1' : tierRoll < 0.05 ? 'tier_1' : tierRoll < 0.2 ? 'tier_2' : tierRoll < 0.6 ? 'tier_3' : null;
    const owner = tier === 'tier_1' || tier === 'tier_2' || rng.chance(0.25) ? rng.pick(aes(region)).id : null;
    const siteCount = rng.int(1, Math.min(6, 1 + Math.floor(employeeCount / 300)));
    accounts.push({
      id: rng.uuid(), name: `${base} ${rng.pick(NAME_SUFFIX)}`, domains, industry: rng.pick(INDUSTRIES), employeeCount,
      annualRevenue: Math.round(employeeCount * rng.logNormal(180_000, 0.4)), country, region, parentId: null, ownerId: owner, tier,
      segment: employeeCount >= 1000 ? 'Enterprise' : employeeCount >= 200 ? 'Mid-market' : 'SMB',
      createdAt: new Date(now - rng.int(400, 1500) * DAY).toISOString(),
      sites: Array.from({ length: siteCount }, (_, s) => ({
        id: rng.uuid(), name: s === 0 ? 'Headquarters' : `${rng.pick(cities)} ${rng.pick(['plant', 'office', 'warehouse', 'R&D center'])}`,
        city: rng.pick(cities), country, headcount: Math.max(5, Math.round(employeeCount / siteCount * rng.logNormal(1, 0.4))),
        businessUnit: rng.pick(['Operations', 'IT', 'Finance', 'Supply chain', 'R&D']),
      })),
    });
  }
  // About 5% are subsidiaries of a larger account in the same territory.
  const parents = accounts.filter((a) => a.employeeCount > 1500);
  for (const a of accounts) {
    if (a.employeeCount > 1500 || !rng.chance(0.06) || parents.length === 0) continue;
    const p = rng.pick(parents);
    if (p.region === a.region && p.id !== a.id) { a.parentId = p.id; a.ownerId = p.ownerId ?? a.ownerId; }
  }
  return accounts;
}

const CAMPAIGN_KINDS: readonly (readonly [string, string, string, number, number])[] = [
  // type, channel, name pattern, budget median, weight
  ['webinar', 'webinar', 'Webinar: %', 8_000, 8], ['trade_show', 'event', 'Trade show: %', 60_000, 4],
  ['field_event', 'event', 'Executive dinner: %', 15_000, 3], ['content', 'content', 'E-book: %', 5_000, 6],
  ['email', 'email', 'Nurture: %', 2_000, 8], ['paid_search', 'paid_search', 'Search: %', 25_000, 5],
  ['paid_social', 'social', 'LinkedIn: %', 20_000, 4], ['partner', 'partner', 'Partner program: %', 10_000, 2],
];
const TOPICS = ['Supply chain visibility', 'Cost of downtime', 'AI in operations', 'Warehouse automation', 'Compliance 2026', 'Benchmark results', 'Customer stories', 'Q4 planning'];

export function buildCampaigns(rng: Rng, count: number, marketers: DemoUser[], now: number): DemoCampaign[] {
  return Array.from({ length: count }, (_, i) => {
    const [type, channel, pattern, budget] = rng.weighted(CAMPAIGN_KINDS.map((k) => [k, k[4]] as const));
    const start = now - Math.round(((count - i) / count) * 360 * DAY) - rng.int(0, 10) * DAY;
    const length = type === 'trade_show' || type === 'field_event' || type === 'webinar' ? rng.int(1, 3) : rng.int(30, 90);
    const b = Math.round(rng.logNormal(budget, 0.3) / 100) * 100;
    return {
      id: rng.uuid(), name: pattern.replace('%', `${rng.pick(TOPICS)} (${new Date(start).toISOString().slice(0, 7)})`), type, channel,
      startsOn: new Date(start).toISOString().slice(0, 10), endsOn: new Date(Math.min(start + length * DAY, now)).toISOString().slice(0, 10),
      budget: b, actualCost: Math.round(b * (0.8 + rng.next() * 0.35)), ownerId: rng.pick(marketers).id,
    };
  });
}
