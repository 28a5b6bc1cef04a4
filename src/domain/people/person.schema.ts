import { z } from '../shared/zod.js';
import { people } from '../../db/schema/index.js';
import { BUYING_ROLES, CONSENT_STATUSES, LIFECYCLE_STAGES, SENIORITIES, SOURCES, CHANNELS } from '../../db/schema/vocabulary.js';
import { countryCode, createSelectSchema, customValues, email, stringList } from '../shared/schema-factory.js';

export const PersonSchema = createSelectSchema(people);
export type Person = z.infer<typeof PersonSchema>;

export const PersonDetailSchema = PersonSchema.extend({
  account: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  owner: z.object({ id: z.uuid(), name: z.string() }).nullable(),
});
export type PersonDetail = z.infer<typeof PersonDetailSchema>;

const editable = {
  externalId: z.string().trim().min(1).max(200).nullable().optional(),
  firstName: z.string().trim().max(200).nullable().optional(),
  lastName: z.string().trim().max(200).nullable().optional(),
  title: z.string().trim().max(300).nullable().optional(),
  seniority: z.enum(SENIORITIES).nullable().optional(),
  buyingRole: z.enum(BUYING_ROLES).nullable().optional(),
  phone: z.string().trim().max(50).nullable().optional(),
  companyName: z.string().trim().max(300).nullable().optional(),
  country: countryCode.nullable().optional(),
  region: z.string().trim().max(100).nullable().optional(),
  consentStatus: z.enum(CONSENT_STATUSES).optional(),
  consentSource: z.string().trim().max(200).nullable().optional(),
  originalSource: z.enum(SOURCES).nullable().optional(),
  originalChannel: z.enum(CHANNELS).nullable().optional(),
  ownerId: z.uuid().nullable().optional(),
  accountId: z.uuid().nullable().optional(),
  custom: customValues.optional(),
};

export const CreatePersonInput = z.strictObject({
  email,
  lifecycleStage: z.enum(LIFECYCLE_STAGES).optional(),
  ...editable,
});
export type CreatePersonInput = z.infer<typeof CreatePersonInput>;

/** The lifecycle stage is not editable here: it moves through the lifecycle rules only. */
export const UpdatePersonInput = z.strictObject({ email: email.optional(), ...editable });
export type UpdatePersonInput = z.infer<typeof UpdatePersonInput>;

export const PEOPLE_SORTS = ['createdAt', 'updatedAt', 'email', 'lastName', 'lifecycleStage'] as const;

export const PeopleFilter = z.object({
  q: z.string().trim().min(1).max(200).optional(),
  stage: z.enum(LIFECYCLE_STAGES).optional(),
  accountId: z.uuid().optional(),
  ownerId: z.uuid().optional(),
  country: z.string().optional(),
  seniority: z.enum(SENIORITIES).optional(),
  source: z.enum(SOURCES).optional(),
  createdFrom: z.coerce.date().optional(),
  createdTo: z.coerce.date().optional(),
  cf: stringList.describe('Custom-field filters key:op:value (op: eq, ne, gt, gte, lt, lte, contains, empty); repeatable.'),
});
export type PeopleFilter = z.infer<typeof PeopleFilter>;
