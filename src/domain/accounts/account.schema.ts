import { z } from '../shared/zod.js';
import { accounts, sites } from '../../db/schema/index.js';
import { ACCOUNT_TIERS } from '../../db/schema/vocabulary.js';
import { countryCode, createSelectSchema, customValues, stringList } from '../shared/schema-factory.js';

const Ref = z.object({ id: z.uuid(), name: z.string() });

export const SiteSchema = createSelectSchema(sites);
export type Site = z.infer<typeof SiteSchema>;

export const AccountSchema = createSelectSchema(accounts).extend({ domains: z.array(z.string()) });
export type Account = z.infer<typeof AccountSchema>;

export const AccountDetailSchema = AccountSchema.extend({
  parent: Ref.nullable(),
  children: z.array(Ref),
  owner: Ref.nullable(),
  sites: z.array(SiteSchema),
  counts: z.object({ people: z.number().int(), opportunities: z.number().int(), touchpoints: z.number().int() }),
});
export type AccountDetail = z.infer<typeof AccountDetailSchema>;

const domain = z.string().trim().toLowerCase()
  .regex(/^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'expected a domain such as acme.com (no scheme, no path)');

const editable = {
  externalId: z.string().trim().min(1).max(200).nullable().optional(),
  industry: z.string().trim().max(200).nullable().optional(),
  employeeCount: z.number().int().min(0).nullable().optional(),
  annualRevenue: z.number().min(0).nullable().optional(),
  country: countryCode.nullable().optional(),
  region: z.string().trim().max(100).nullable().optional(),
  parentId: z.uuid().nullable().optional(),
  ownerId: z.uuid().nullable().optional(),
  tier: z.enum(ACCOUNT_TIERS).nullable().optional(),
  domains: z.array(domain).max(50).optional(),
  custom: customValues.optional(),
};

export const CreateAccountInput = z.strictObject({ name: z.string().trim().min(1).max(300), ...editable });
export type CreateAccountInput = z.infer<typeof CreateAccountInput>;
export const UpdateAccountInput = z.strictObject({ name: z.string().trim().min(1).max(300).optional(), ...editable });
export type UpdateAccountInput = z.infer<typeof UpdateAccountInput>;

export const CreateSiteInput = z.strictObject({
  name: z.string().trim().min(1).max(300),
  externalId: z.string().trim().min(1).max(200).nullable().optional(),
  city: z.string().trim().max(200).nullable().optional(),
  country: countryCode.nullable().optional(),
  headcount: z.number().int().min(0).nullable().optional(),
  businessUnit: z.string().trim().max(200).nullable().optional(),
});
export type CreateSiteInput = z.infer<typeof CreateSiteInput>;

export const AccountsFilter = z.object({
  q: z.string().trim().min(1).max(200).optional(),
  industry: z.string().optional(),
  country: z.string().optional(),
  tier: z.enum(ACCOUNT_TIERS).optional(),
  ownerId: z.uuid().optional(),
  parentId: z.uuid().optional(),
  cf: stringList.describe('Custom-field filters key:op:value (op: eq, ne, gt, gte, lt, lte, contains, empty); repeatable.'),
});
export type AccountsFilter = z.infer<typeof AccountsFilter>;
