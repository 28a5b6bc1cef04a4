import { z } from '../../shared/zod.js';
import {
  ACCOUNT_TIERS, BUYING_ROLES, CHANNELS, CONSENT_STATUSES, LIFECYCLE_STAGES, OPPORTUNITY_STAGES, SENIORITIES, SOURCES,
} from '../../../db/schema/vocabulary.js';
import { countryCode, currency, email } from '../../shared/schema-factory.js';

/** Cells arrive as text; an empty cell means "not given", never "erase". */
const opt = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v), schema.optional());
const lower = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === 'string' ? v.trim().toLowerCase().replace(/[\s-]+/g, '_') : v), schema);
const text = opt(z.string().max(1000));
const datetime = opt(z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'expected a date and time such as 2026-03-01T09:30:00Z or 2026-03-01')
  .transform((s) => new Date(/^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T00:00:00Z` : s).toISOString()));
const date = opt(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD'));
const numberUpTo = (max: number, integer = false) => opt(z.string().transform((s, ctx) => {
  const n = Number(s.replace(/[\s,_]/g, ''));
  if (!Number.isFinite(n) || n < 0) { ctx.addIssue({ code: 'custom', message: 'expected a non-negative number' }); return z.NEVER; }
  if (n > max) { ctx.addIssue({ code: 'custom', message: `expected a number up to ${max.toLocaleString('en')}` }); return z.NEVER; }
  if (integer && !Number.isInteger(n)) { ctx.addIssue({ code: 'custom', message: 'expected a whole number' }); return z.NEVER; }
  return n;
}));
const list = opt(z.string().transform((s) => s.split(/[;,]/).map((x) => x.trim().toLowerCase()).filter(Boolean)));
const enumOf = <T extends readonly [string, ...string[]]>(values: T) => opt(lower(z.enum(values, { message: `expected one of: ${values.join(', ')}` })));

export const PersonRow = z.object({
  email, externalId: text, firstName: text, lastName: text, title: text, companyName: text, country: opt(countryCode), phone: text,
  seniority: enumOf(SENIORITIES), buyingRole: enumOf(BUYING_ROLES), region: text, consentStatus: enumOf(CONSENT_STATUSES),
  originalSource: enumOf(SOURCES), originalChannel: enumOf(CHANNELS), lifecycleStage: enumOf(LIFECYCLE_STAGES),
  ownerEmail: opt(email), ownerExternalId: text, accountExternalId: text, createdAt: datetime,
  mqlAt: datetime, salAt: datetime, sqlAt: datetime, opportunityAt: datetime, customerAt: datetime,
});
export type PersonRow = z.infer<typeof PersonRow>;

export const AccountRow = z.object({
  name: z.string().trim().min(1, 'a name is required').max(300), externalId: text, domains: list, industry: text,
  employeeCount: numberUpTo(2_147_483_647, true), annualRevenue: numberUpTo(99_999_999_999_999), country: opt(countryCode), region: text, tier: enumOf(ACCOUNT_TIERS),
  parentExternalId: text, ownerEmail: opt(email), ownerExternalId: text, createdAt: datetime,
});
export type AccountRow = z.infer<typeof AccountRow>;

export const OpportunityRow = z.object({
  externalId: z.string().trim().min(1, 'an external id is required'), name: z.string().trim().min(1, 'a name is required').max(300),
  accountExternalId: text, accountDomain: opt(z.string().transform((s) => s.toLowerCase())), amount: numberUpTo(999_999_999_999), currency: opt(currency),
  stage: enumOf(OPPORTUNITY_STAGES), ownerEmail: opt(email), ownerExternalId: text, createdAt: datetime, closeDate: date, closedAt: datetime,
  outcome: opt(z.string().transform((s, ctx) => {
    const v = s.toLowerCase();
    if (['won', 'true', 'yes', '1', 'closed won'].includes(v)) return true;
    if (['lost', 'false', 'no', '0', 'closed lost'].includes(v)) return false;
    ctx.addIssue({ code: 'custom', message: 'expected won or lost' });
    return z.NEVER;
  })),
  lostReason: text, contactEmails: opt(z.string().transform((s) => s.split(/[;,]/).map((x) => x.trim()).filter(Boolean)).pipe(z.array(email))), contactRole: enumOf(BUYING_ROLES),
}).refine((r) => r.accountExternalId || r.accountDomain, { path: ['accountExternalId'], message: 'an account external id or an account domain is required' });
export type OpportunityRow = z.infer<typeof OpportunityRow>;
