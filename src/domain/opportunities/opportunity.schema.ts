import { z } from '../shared/zod.js';
import { opportunities } from '../../db/schema/index.js';
import { BUYING_ROLES, OPPORTUNITY_STAGES } from '../../db/schema/vocabulary.js';
import { createSelectSchema, currency, customValues, stringList } from '../shared/schema-factory.js';

export const OpportunitySchema = createSelectSchema(opportunities);
export type Opportunity = z.infer<typeof OpportunitySchema>;
/** A row of the list: the deal with its account's and owner's names. */
export const OpportunityListItemSchema = OpportunitySchema.extend({ accountName: z.string(), ownerName: z.string().nullable() });
export type OpportunityListItem = z.infer<typeof OpportunityListItemSchema>;

export const ContactRoleSchema = z.object({
  personId: z.uuid(), role: z.enum(BUYING_ROLES), email: z.string(), name: z.string().nullable(),
});
export const OpportunityDetailSchema = OpportunitySchema.extend({
  account: z.object({ id: z.uuid(), name: z.string() }),
  owner: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  contacts: z.array(ContactRoleSchema),
});
export type OpportunityDetail = z.infer<typeof OpportunityDetailSchema>;

const ContactInput = z.strictObject({ personId: z.uuid(), role: z.enum(BUYING_ROLES) });

const editable = {
  externalId: z.string().trim().min(1).max(200).nullable().optional(),
  amount: z.number().min(0).optional(),
  currency: currency.optional(),
  stage: z.enum(OPPORTUNITY_STAGES).optional(),
  ownerId: z.uuid().nullable().optional(),
  closeDate: z.iso.date().nullable().optional(),
  lostReason: z.string().trim().max(500).nullable().optional(),
  contacts: z.array(ContactInput).max(100).optional(),
  custom: customValues.optional(),
};

export const CreateOpportunityInput = z.strictObject({
  accountId: z.uuid(),
  name: z.string().trim().min(1).max(300),
  createdAt: z.iso.datetime({ offset: true }).optional().describe('When the deal was created; defaults to now.'),
  ...editable,
});
export type CreateOpportunityInput = z.infer<typeof CreateOpportunityInput>;

export const UpdateOpportunityInput = z.strictObject({ name: z.string().trim().min(1).max(300).optional(), ...editable });
export type UpdateOpportunityInput = z.infer<typeof UpdateOpportunityInput>;

export const OpportunitiesFilter = z.object({
  q: z.string().trim().min(1).optional(),
  accountId: z.uuid().optional(),
  ownerId: z.uuid().optional(),
  stage: z.enum(OPPORTUNITY_STAGES).optional(),
  status: z.enum(['open', 'won', 'lost']).optional(),
  closeFrom: z.iso.date().optional().describe('Close date on or after this day'),
  closeTo: z.iso.date().optional().describe('Close date on or before this day (inclusive)'),
  personId: z.uuid().optional(),
  cf: stringList.describe('Custom-field filters key:op:value (op: eq, ne, gt, gte, lt, lte, contains, empty); repeatable.'),
});
export type OpportunitiesFilter = z.infer<typeof OpportunitiesFilter>;
