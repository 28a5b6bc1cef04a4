import { ATTRIBUTION_MODELS, CREDIT_DIMENSIONS, CREDIT_STAGES, DISPUTE_STATUSES, TOUCH_SCOPES } from '../../db/schema/attribution.js';
import { CHANNELS, SIDES, SOURCES, TOUCH_KINDS } from '../../db/schema/vocabulary.js';
import { z } from '../shared/zod.js';

const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM');
const Model = z.enum(ATTRIBUTION_MODELS);

export const CustomWeightsSchema = z.object({
  ft: z.number(), lc: z.number(), oc: z.number(), cw: z.number(), between: z.number(),
}).describe('Percent per milestone (first touch, lead creation, opportunity creation, closed-won) and for the touches between; they sum to 100').openapi('CustomWeights');

export const AttributionSettings = z.object({
  lookbackDays: z.number().int(),
  touchScope: z.enum(TOUCH_SCOPES),
  halfLifeDays: z.number(),
  customWeights: CustomWeightsSchema,
  updatedAt: z.date(),
}).openapi('AttributionSettings');

export const UpdateAttributionSettings = z.object({
  lookbackDays: z.number().int().optional().describe('Touches this many days before the deal was created count (1 to 3650)'),
  touchScope: z.enum(TOUCH_SCOPES).optional().describe('contact_roles: the touches of the deal\'s contacts; account: of everyone at its account'),
  halfLifeDays: z.number().optional().describe('Time decay: a touch\'s weight halves every this many days'),
  customWeights: CustomWeightsSchema.optional(),
}).openapi('UpdateAttributionSettings');
export type UpdateAttributionSettings = z.infer<typeof UpdateAttributionSettings>;

export const AttributionRun = z.object({
  id: z.uuid(), kind: z.enum(['full', 'incremental']), status: z.enum(['running', 'completed', 'failed']),
  step: z.string(), done: z.number().int(), total: z.number().int(),
  timings: z.record(z.string(), z.number()), error: z.string().nullable(),
  dataDriven: z.record(z.string(), z.unknown()).nullable().describe('Channel shares of the Markov (removal effect) and Shapley models, and the chain\'s figures'),
  startedAt: z.date(), finishedAt: z.date().nullable(),
}).openapi('AttributionRun');

export const ReportQuery = z.object({
  dimension: z.enum([...CREDIT_DIMENSIONS, 'month']).default('channel'),
  model: Model.default('w_shaped'),
  compare: Model.optional().describe('A second model shown side by side'),
  stage: z.enum(CREDIT_STAGES).default('pipeline').describe('pipeline: amounts of deals by the month they were created; revenue: won amounts by the month they were won'),
  from: Month.optional().describe('First month (YYYY-MM), inclusive'),
  to: Month.optional().describe('Last month (YYYY-MM), inclusive'),
});
export type ReportQuery = z.infer<typeof ReportQuery>;

const Figure = z.object({ credit: z.number().describe('Money credited'), deals: z.number().describe('Deals credited (weights summed)') });
export const ReportRow = z.object({
  key: z.string().describe("The channel, campaign id, asset, team id, side or month ('' = none)"),
  label: z.string(),
  currency: z.string(),
  model: Figure,
  compare: Figure.nullable(),
}).openapi('AttributionReportRow');

export const AttributionReport = z.object({
  dimension: z.string(), model: Model, compare: Model.nullable(), stage: z.enum(CREDIT_STAGES),
  rows: z.array(ReportRow),
  totals: z.array(z.object({ currency: z.string(), amount: z.number(), deals: z.number().int() })).describe('What the deals in the period are worth, per currency; every model distributes exactly this'),
  unattributed: z.array(z.object({ currency: z.string(), amount: z.number(), deals: z.number().int() })).describe('Deals in the period with no touch in their window: shown, not spread'),
  flags: z.record(z.string(), z.number().int()).describe('How many deals in the period carry each condition (lc_from_first_touch, oc_not_marketing, touches_after_close, fallback_linear:…)'),
  computedAt: z.date().nullable(),
  dataDrivenFitted: z.boolean().describe('False until a full recompute has fitted the Markov and Shapley models'),
}).openapi('AttributionReport');
export type AttributionReport = z.infer<typeof AttributionReport>;

export const DrillQuery = z.object({
  dimension: z.enum(CREDIT_DIMENSIONS),
  key: z.string().describe("The value to drill into ('' = none)"),
  model: Model.default('w_shaped'),
  stage: z.enum(CREDIT_STAGES).default('pipeline'),
  from: Month.optional(), to: Month.optional(),
  limit: z.coerce.number().int().min(1).max(5_000).default(500),
});
export type DrillQuery = z.infer<typeof DrillQuery>;

export const CreditedTouch = z.object({
  touchId: z.number().int(), occurredAt: z.date(), channel: z.enum(CHANNELS), kind: z.enum(TOUCH_KINDS), side: z.enum(SIDES),
  campaignId: z.uuid().nullable(), asset: z.string().nullable(), personId: z.uuid().nullable(),
  opportunityId: z.uuid(), opportunityName: z.string(), currency: z.string(),
  weight: z.number().describe('The share of the deal this touch gets under the model'),
  credit: z.number().describe('weight × the deal\'s amount'),
  milestones: z.array(z.enum(['FT', 'LC', 'OC', 'CW'])),
}).openapi('CreditedTouch');
export type CreditedTouch = z.infer<typeof CreditedTouch>;

export const DrillResult = z.object({
  touches: z.array(CreditedTouch), total: z.number().int().describe('Touches behind the figure (the list stops at `limit`, largest credit first)'),
  credit: z.array(z.object({ currency: z.string(), credit: z.number() })),
}).openapi('AttributionDrill');

export const RoiQuery = z.object({ from: Month.optional(), to: Month.optional() });
export const CampaignRoi = z.object({
  campaignId: z.uuid(), name: z.string(), channel: z.enum(CHANNELS), currency: z.string(), actualCost: z.number().nullable(),
  models: z.record(z.string(), z.object({ revenue: z.number(), pipeline: z.number(), roi: z.number().nullable().describe('Attributed revenue ÷ actual cost; null without a cost') })),
  otherCurrencies: z.array(z.object({ currency: z.string(), revenue: z.number() })).describe('Revenue credited in currencies other than the campaign\'s: not divided by its cost'),
}).openapi('CampaignRoi');
export type CampaignRoi = z.infer<typeof CampaignRoi>;

export const SourcedRow = z.object({
  quarter: z.string(), source: z.enum([...SOURCES, 'unknown']), influenced: z.boolean(), currency: z.string(),
  pipeline: z.number(), pipelineDeals: z.number().int(), revenue: z.number(), wonDeals: z.number().int(),
}).openapi('SourcedInfluencedRow');
export type SourcedRow = z.infer<typeof SourcedRow>;

export const OpenDisputeInput = z.object({
  claimedSource: z.enum(SOURCES).describe('Who the opener says generated the deal'),
  reason: z.string().trim().min(1).max(2_000),
  touchIds: z.array(z.number().int()).max(100).default([]).describe('Touches the opener points at as evidence'),
  notes: z.string().max(4_000).nullable().default(null),
}).openapi('OpenDispute');
export type OpenDisputeInput = z.infer<typeof OpenDisputeInput>;

export const RuleDisputeInput = z.object({
  decision: z.enum(['upheld', 'rejected']).describe('upheld: the claimed source stands; rejected: the source stays'),
  reason: z.string().trim().min(1).max(2_000),
}).openapi('RuleDispute');
export type RuleDisputeInput = z.infer<typeof RuleDisputeInput>;

export const Dispute = z.object({
  id: z.uuid(), opportunityId: z.uuid(), opportunityName: z.string().nullable(),
  openedBy: z.uuid().nullable(), openedByName: z.string().nullable(), openedByTeamId: z.uuid().nullable(), openedByTeamName: z.string().nullable(),
  claimedSource: z.enum(SOURCES), currentSource: z.enum(SOURCES).nullable(), reason: z.string(),
  evidence: z.object({ touchIds: z.array(z.number().int()), notes: z.string().nullable() }),
  status: z.enum(DISPUTE_STATUSES), ruledBy: z.uuid().nullable(), ruledByName: z.string().nullable(), ruledSource: z.enum(SOURCES).nullable(),
  ruling: z.string().nullable(), ruledAt: z.date().nullable(), createdAt: z.date(),
}).openapi('Dispute');
export type Dispute = z.infer<typeof Dispute>;

export const DisputeQuery = z.object({ status: z.enum(DISPUTE_STATUSES).optional(), opportunityId: z.uuid().optional() });

export const EvidenceEvent = z.object({
  at: z.date(),
  kind: z.enum(['first_marketing_touch', 'first_sales_touch_person', 'first_sales_touch_account', 'open_opportunity', 'stage', 'handoff', 'opportunity_created', 'milestone', 'dispute', 'ruling']),
  side: z.enum(['marketing', 'sales', 'partner', 'neutral']),
  label: z.string(),
  touchId: z.number().int().nullable(),
  refId: z.string().nullable(),
}).openapi('EvidenceEvent');
export type EvidenceEvent = z.infer<typeof EvidenceEvent>;

export const OpportunityEvidence = z.object({
  opportunityId: z.uuid(), createdAt: z.date(),
  computedSource: z.enum(SOURCES).nullable(), source: z.enum(SOURCES).nullable(), influenced: z.boolean().nullable(),
  firstMarketingTouchAt: z.date().nullable(), firstSalesTouchAt: z.date().nullable(),
  verdict: z.string().describe('Which side touched first, in words'),
  flags: z.array(z.string()),
  timeline: z.array(EvidenceEvent),
  disputes: z.array(Dispute),
}).openapi('OpportunityEvidence');
export type OpportunityEvidence = z.infer<typeof OpportunityEvidence>;
