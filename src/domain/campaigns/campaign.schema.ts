import { z } from '../shared/zod.js';
import { campaigns } from '../../db/schema/index.js';
import { CAMPAIGN_TYPES, CHANNELS } from '../../db/schema/vocabulary.js';
import { createSelectSchema, currency } from '../shared/schema-factory.js';

export const CampaignSchema = createSelectSchema(campaigns);
export type Campaign = z.infer<typeof CampaignSchema>;

export const CampaignDetailSchema = CampaignSchema.extend({
  stats: z.object({ touches: z.number().int(), people: z.number().int(), accounts: z.number().int() }),
});

const isoDate = z.iso.date();
const editable = {
  externalId: z.string().trim().min(1).max(200).nullable().optional(),
  startsOn: isoDate.nullable().optional(),
  endsOn: isoDate.nullable().optional(),
  budget: z.number().min(0).nullable().optional(),
  actualCost: z.number().min(0).nullable().optional(),
  currency: currency.optional(),
  ownerId: z.uuid().nullable().optional(),
};
const datesInOrder = (v: { startsOn?: string | null; endsOn?: string | null }) => !v.startsOn || !v.endsOn || v.endsOn >= v.startsOn;

export const CreateCampaignInput = z.strictObject({
  name: z.string().trim().min(1).max(300), type: z.enum(CAMPAIGN_TYPES), channel: z.enum(CHANNELS), ...editable,
}).refine(datesInOrder, { path: ['endsOn'], message: 'ends before it starts' });
export type CreateCampaignInput = z.infer<typeof CreateCampaignInput>;

export const UpdateCampaignInput = z.strictObject({
  name: z.string().trim().min(1).max(300).optional(), type: z.enum(CAMPAIGN_TYPES).optional(), channel: z.enum(CHANNELS).optional(), ...editable,
}).refine(datesInOrder, { path: ['endsOn'], message: 'ends before it starts' });
export type UpdateCampaignInput = z.infer<typeof UpdateCampaignInput>;

export const CampaignsFilter = z.object({
  q: z.string().trim().min(1).optional(),
  type: z.enum(CAMPAIGN_TYPES).optional(),
  channel: z.enum(CHANNELS).optional(),
  ownerId: z.uuid().optional(),
  status: z.enum(['planned', 'running', 'ended']).optional().describe('planned: starts after today; running: today is within it; ended: ended before today'),
  from: z.iso.date().optional().describe('Campaigns running on or after this day'),
  to: z.iso.date().optional().describe('Campaigns running on or before this day'),
});
export type CampaignsFilter = z.infer<typeof CampaignsFilter>;
