import type { Rng } from './random.js';
import { byRole, type DemoUser } from './generate-team.js';
import {
  BUSINESS_UNITS, COUNTRIES, EMAIL_PATTERNS, INDUSTRIES, NAME_PARTS_A, NAME_PARTS_B, NAME_PARTS_C, NAME_SUFFIX, SITE_KINDS,
  type EmailPattern, type Territory,
} from './names.js';

export type DemoSite = { id: string; name: string; city: string; country: string; headcount: number; businessUnit: string };
export type DemoAccount = {
  id: string; name: string; domains: string[]; emailPattern: EmailPattern; industry: string; employeeCount: number;
  annualRevenue: number; country: string; region: Territory; parentId: string | null; ownerId: string | null;
  tier: 'tier_1' | 'tier_2' | 'tier_3' | null; segment: 'SMB' | 'Mid-market' | 'Enterprise'; createdAt: string; sites: DemoSite[];
};

const DAY = 86_400_000;

/**
 * Accounts of a mid-market B2B market: log-normal sizes, ~5% tier-1 named accounts owned by an
 * account executive of their territory, ~15% tier 2, ~5% subsidiaries of a larger account.
 */
export function generateAccounts(rng: Rng, count: number, users: readonly DemoUser[], now: number): DemoAccount[] {
  const names = new Set<string>();
  const domains = new Set<string>();
  const accounts: DemoAccount[] = [];
  for (let i = 0; i < count; i++) {
    const [country, region, cities, , tld] = rng.weighted(COUNTRIES.map((c) => [c, c[3]] as const));
    const base = uniqueName(rng, names, count);
    const slug = base.toLowerCase().replace(/[^a-z0-9]+/g, '');
    const accountDomains = [claim(domains, `${slug}.${tld}`)];
    if (rng.chance(0.2)) {
      const alt = tld === 'com' ? `${slug}group.com` : `${slug}.com`;
      if (!domains.has(alt)) accountDomains.push(claim(domains, alt));
    }
    const employeeCount = Math.max(8, Math.round(rng.logNormal(350, 1.25)));
    accounts.push({
      id: rng.uuid(), name: `${base} ${rng.pick(NAME_SUFFIX[country]!)}`, domains: accountDomains, emailPattern: rng.pick(EMAIL_PATTERNS),
      industry: rng.pick(INDUSTRIES), employeeCount, annualRevenue: Math.round(employeeCount * rng.logNormal(180_000, 0.45) / 1000) * 1000,
      country, region, parentId: null, ownerId: null, tier: null,
      segment: employeeCount >= 1000 ? 'Enterprise' : employeeCount >= 200 ? 'Mid-market' : 'SMB',
      createdAt: new Date(now - rng.int(400, 1500) * DAY).toISOString(),
      sites: generateSites(rng, employeeCount, country, cities),
    });
  }
  assignTiers(rng, accounts, users);
  linkSubsidiaries(rng, accounts);
  return accounts;
}

function uniqueName(rng: Rng, used: Set<string>, count: number): string {
  const twoWord = NAME_PARTS_A.length * NAME_PARTS_B.length;
  for (;;) {
    const threeWords = count > twoWord * 0.6 && rng.chance(0.5);
    const name = `${rng.pick(NAME_PARTS_A)} ${rng.pick(NAME_PARTS_B)}${threeWords ? ` ${rng.pick(NAME_PARTS_C)}` : ''}`;
    if (!used.has(name)) { used.add(name); return name; }
  }
}

function claim(used: Set<string>, domain: string): string {
  let d = domain;
  for (let n = 2; used.has(d); n++) d = domain.replace('.', `${n}.`);
  used.add(d);
  return d;
}

function generateSites(rng: Rng, employees: number, country: string, cities: readonly string[]): DemoSite[] {
  const n = rng.int(1, Math.min(6, 1 + Math.floor(employees / 250)));
  const weights = Array.from({ length: n }, (_, s) => (s === 0 ? 2 : 1) * rng.logNormal(1, 0.5));
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w, s) => {
    const city = s === 0 ? cities[0]! : rng.pick(cities);
    return {
      id: rng.uuid(), name: s === 0 ? `${city} headquarters` : `${city} ${rng.pick(SITE_KINDS)}`, city, country,
      headcount: Math.max(3, Math.round((employees * w) / total)), businessUnit: s === 0 ? 'Corporate' : rng.pick(BUSINESS_UNITS),
    };
  });
}

/** The biggest accounts (with some noise) are the named ones; owners are spread round-robin per territory. */
function assignTiers(rng: Rng, accounts: DemoAccount[], users: readonly DemoUser[]): void {
  const ranked = accounts.map((a) => ({ a, key: Math.log(a.employeeCount) + rng.normal() * 0.8 })).sort((x, y) => y.key - x.key);
  const turn: Record<string, number> = {};
  const ownerFor = (region: Territory) => {
    const aes = byRole(users, 'sales_rep', region);
    const k = (turn[region] = (turn[region] ?? -1) + 1);
    return aes[k % aes.length]!.id;
  };
  ranked.forEach(({ a }, rank) => {
    const share = rank / accounts.length;
    a.tier = share < 0.05 ? 'tier_1' : share < 0.2 ? 'tier_2' : share < 0.6 ? 'tier_3' : null;
    if (a.tier === 'tier_1' || a.tier === 'tier_2' || rng.chance(0.15)) a.ownerId = ownerFor(a.region);
  });
}

/** About 5% of accounts belong to a larger account of the same territory and share its owner. */
function linkSubsidiaries(rng: Rng, accounts: DemoAccount[]): void {
  const parents = accounts.filter((a) => a.tier === 'tier_1' || a.tier === 'tier_2');
  for (const a of accounts) {
    if (a.tier === 'tier_1' || !rng.chance(0.055)) continue;
    const candidates = parents.filter((p) => p.region === a.region && p.parentId === null && p.employeeCount > a.employeeCount);
    if (candidates.length === 0) continue;
    const parent = rng.pick(candidates);
    if (a.tier === 'tier_2' && accounts.some((c) => c.parentId === a.id)) continue;
    a.parentId = parent.id;
    a.ownerId = parent.ownerId;
  }
}
