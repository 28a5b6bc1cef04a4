import type { Rng } from './random.js';
import type { DemoAccount, DemoSite } from './generate-accounts.js';
import { COUNTRIES, EMAIL_PATTERNS, FIRST_NAMES, FREE_MAIL, LAST_NAMES, TITLES, type EmailPattern, type Territory } from './names.js';

export type DemoPerson = {
  id: string; seq: number; email: string; firstName: string; lastName: string; title: string; seniority: string; buyingRole: string;
  phone: string | null; account: DemoAccount | null; site: DemoSite | null; country: string; region: Territory;
  source: 'marketing' | 'sales' | 'partner' | 'inside_sales';
  consent: 'opted_in' | 'unknown' | 'opted_out';
  /** How well the person fits the ideal customer profile: multiplies the odds of becoming an MQL. */
  fit: number;
};

const FIT_BY_SENIORITY: Record<string, number> = { c_level: 1.3, vp: 1.3, director: 1.25, manager: 0.95, individual: 0.85, student: 0.1, other: 0.5 };

/** A person at an account (address at the account's domain, in the account's pattern) or on free mail. */
export function generatePerson(rng: Rng, seq: number, account: DemoAccount | null, usedEmails: Set<string>): DemoPerson {
  const firstName = rng.pick(FIRST_NAMES);
  const lastName = rng.pick(LAST_NAMES);
  const [title, seniority, buyingRole] = rng.weighted(TITLES.map((t) => [t, t[3]] as const));
  const site = account ? pickSite(rng, account.sites) : null;
  const [country, region] = account ? [site!.country, account.region] : (() => {
    const c = rng.weighted(COUNTRIES.map((x) => [x, x[3]] as const));
    return [c[0], c[1]] as const;
  })();
  const email = account
    ? uniqueEmail(rng, usedEmails, firstName, lastName, account.emailPattern, account.domains[0]!)
    : uniqueEmail(rng, usedEmails, firstName, lastName, rng.pick(EMAIL_PATTERNS), rng.pick(FREE_MAIL), true);
  return {
    id: rng.uuid(), seq, email, firstName, lastName, title, seniority, buyingRole,
    phone: rng.chance(0.6) ? `+${dialCode(country)} ${rng.int(100, 999)} ${rng.int(1_000_000, 9_999_999)}` : null,
    account, site, country, region,
    source: rng.weighted([['marketing', 70], ['sales', 14], ['partner', 8], ['inside_sales', 8]] as const),
    consent: rng.weighted([['opted_in', 60], ['unknown', 30], ['opted_out', 10]] as const),
    fit: (FIT_BY_SENIORITY[seniority] ?? 0.5) * (account ? 1 : 0.4),
  };
}

function pickSite(rng: Rng, sites: readonly DemoSite[]): DemoSite {
  return rng.weighted(sites.map((s) => [s, s.headcount] as const));
}

const ascii = (s: string) => s.normalize('NFD').toLowerCase().replace(/[^a-z]/g, '');

function uniqueEmail(rng: Rng, used: Set<string>, first: string, last: string, pattern: EmailPattern, domain: string, freeMail = false): string {
  const f = ascii(first);
  const l = ascii(last);
  const local = pattern === 'first.last' ? `${f}.${l}` : pattern === 'flast' ? `${f[0]}${l}` : pattern === 'firstl' ? `${f}${l[0]}`
    : pattern === 'first_last' ? `${f}_${l}` : freeMail ? `${f}${l}` : f;
  let email = `${local}${freeMail ? rng.int(1, 99) : ''}@${domain}`;
  // Namesakes at one company get a middle initial, then a number, as mail admins do.
  if (used.has(email)) email = `${f}.${String.fromCharCode(97 + rng.int(0, 25))}.${l}@${domain}`;
  for (let n = 2; used.has(email); n++) email = `${local}${n}@${domain}`;
  used.add(email);
  return email;
}

const DIAL: Record<string, number> = { US: 1, CA: 1, GB: 44, DE: 49, FR: 33, NL: 31, SE: 46, ES: 34, JP: 81, AU: 61, SG: 65, IN: 91 };
const dialCode = (country: string) => DIAL[country] ?? 1;
