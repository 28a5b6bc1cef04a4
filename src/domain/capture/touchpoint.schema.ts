import { z } from '../shared/zod.js';
import { touchpoints } from '../../db/schema/index.js';
import { CHANNELS, SIDES, TOUCH_KINDS, type Channel, type Side, type TouchKind } from '../../db/schema/vocabulary.js';
import { countryCode, createSelectSchema, email } from '../shared/schema-factory.js';

export const TouchpointSchema = createSelectSchema(touchpoints).extend({
  campaign: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  person: z.object({ id: z.uuid(), email: z.string(), name: z.string().nullable() }).nullable(),
  account: z.object({ id: z.uuid(), name: z.string() }).nullable(),
});
export type Touchpoint = z.infer<typeof TouchpointSchema>;

export const MAX_BATCH = 10_000;

export const TouchPersonInput = z.strictObject({
  firstName: z.string().trim().max(200).optional(),
  lastName: z.string().trim().max(200).optional(),
  title: z.string().trim().max(300).optional(),
  companyName: z.string().trim().max(300).optional(),
  country: countryCode.optional(),
  phone: z.string().trim().max(50).optional(),
});

/** One touch as senders give it. Who: an e-mail (upserts the person), a person id, or an account id. */
export const TouchpointInput = z.strictObject({
  externalId: z.string().trim().min(1).max(200).optional()
    .describe('Idempotency key: re-sending the same externalId never creates a second touch. Derived from the content when absent.'),
  occurredAt: z.iso.datetime({ offset: true }).describe('When the touch happened (ISO 8601 with offset).'),
  kind: z.enum(TOUCH_KINDS),
  channel: z.enum(CHANNELS).optional().describe('Defaults from the kind (a badge scan is an event touch).'),
  side: z.enum(SIDES).optional().describe('Who made the touch; defaults from the kind (calls and meetings are sales).'),
  email: email.optional(),
  personId: z.uuid().optional(),
  accountId: z.uuid().optional(),
  person: TouchPersonInput.optional(),
  campaignId: z.uuid().optional(),
  campaignExternalId: z.string().trim().min(1).max(200).optional(),
  asset: z.string().trim().max(500).optional(),
  properties: z.record(z.string(), z.unknown()).optional(),
}).refine((t) => t.email || t.personId || t.accountId, {
  message: 'a touch needs an email, a personId or an accountId', path: ['email'],
});
export type TouchpointInput = z.input<typeof TouchpointInput>;

export const TouchpointBatchInput = z.strictObject({
  touchpoints: z.array(z.unknown()).min(1).describe(`Up to ${MAX_BATCH} touches; each is a TouchpointInput.`),
});

/** A validated touch with every default applied and every reference resolved. */
export type NormalisedTouch = {
  externalId: string;
  occurredAt: string;
  kind: TouchKind;
  channel: Channel;
  side: Side;
  email: string | null;
  personId: string | null;
  accountId: string | null;
  person: z.infer<typeof TouchPersonInput> | null;
  campaignId: string | null;
  asset: string | null;
  properties: Record<string, unknown>;
};

export const IngestResultSchema = z.object({
  accepted: z.number().int(),
  created: z.number().int(),
  duplicates: z.number().int(),
  peopleCreated: z.number().int(),
  accountsCreated: z.number().int(),
});
export type IngestResult = z.infer<typeof IngestResultSchema>;

export const TouchpointFilter = z.object({
  personId: z.uuid().optional(),
  accountId: z.uuid().optional(),
  campaignId: z.uuid().optional(),
  side: z.enum(SIDES).optional(),
  channel: z.enum(CHANNELS).optional(),
  kind: z.enum(TOUCH_KINDS).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  includeSuperseded: z.coerce.boolean().optional(),
});
export type TouchpointFilter = z.infer<typeof TouchpointFilter>;
