import { REJECT_REASONS, ROLES } from '../../db/schema/vocabulary.js';
import { z } from '../shared/zod.js';

export const CardQuery = z.object({
  period: z.enum(['week', 'last_week', 'month', 'quarter', 'year']).optional().describe('A named period around today (UTC); default `week` (this ISO week). Ignored when from/to are given.'),
  from: z.iso.date().optional().describe('First day of the period; with `to`'),
  to: z.iso.date().optional().describe('Day after the last day (exclusive)'),
});
export type CardQuery = z.infer<typeof CardQuery>;

/** A number that may be missing, and then says why (no quota, nothing in the period, mixed currencies…). */
export const Figure = z.object({ value: z.number().nullable(), why: z.string().nullable() }).openapi('Figure');
export type Figure = z.infer<typeof Figure>;
export const MoneyRow = z.object({ currency: z.string(), count: z.number().int(), amount: z.number() });
export type MoneyRow = z.infer<typeof MoneyRow>;

const Period = z.object({ from: z.string(), to: z.string(), label: z.string() });
const Person = z.object({ id: z.uuid(), name: z.string(), role: z.enum(ROLES), teamId: z.uuid().nullable(), active: z.boolean() });

export const LeadFigures = z.object({
  received: z.number().int().describe('Hand-offs assigned to them in the period'),
  accepted: z.number().int().describe('Hand-offs they accepted in the period'),
  rejected: z.number().int().describe('Hand-offs they rejected in the period'),
  acceptanceRate: Figure.describe('accepted ÷ (accepted + rejected)'),
  rejectionReasons: z.record(z.enum(REJECT_REASONS), z.number().int()),
  hoursToAccept: Figure.describe('Median business hours (the owner\'s calendar, as the SLA counts them) from assignment to acceptance, over the hand-offs accepted in the period'),
  hoursToFirstTouch: Figure.describe('Median business hours from assignment to the first sales touch, over the first touches in the period'),
  slaBreaches: z.object({ accept: z.number().int(), firstTouch: z.number().int() }).describe('Breaches recorded in the period'),
  openNow: z.number().int().describe('Hand-offs waiting for their answer now (the queue)'),
});

export const Quota = z.object({ id: z.uuid(), userId: z.uuid(), startsOn: z.string(), endsOn: z.string(), amount: z.number(), currency: z.string() }).openapi('Quota');
export type Quota = z.infer<typeof Quota>;

export const RepCard = z.object({
  kind: z.literal('rep'), period: Period, person: Person,
  quota: Quota.nullable().describe('The quota whose dates hold the first day of the period'),
  wonInQuotaPeriod: Figure.describe('Won in the quota currency from the quota start to the end of the period (or of the quota)'),
  attainment: Figure.describe('wonInQuotaPeriod ÷ quota'),
  coverage: Figure.describe('Open pipeline in the quota currency ÷ the quota still to win'),
  pipelineCreated: z.array(MoneyRow), openPipeline: z.array(MoneyRow), won: z.array(MoneyRow), lost: z.array(MoneyRow),
  winRate: Figure.describe('Won ÷ closed, by count, in the period'),
  averageDealSize: z.array(z.object({ currency: z.string(), amount: z.number() })).describe('Won amount ÷ won deals, per currency'),
  cycleDays: Figure.describe('Median days from creation to win of the deals won in the period'),
  leads: LeadFigures,
  activitiesLogged: z.number().int().describe('Calls, meetings and messages they logged in the period'),
  feedbackItems: Figure,
  notes: z.array(z.string()).describe('What the reader should know: other currencies left out, the person left, …'),
}).openapi('RepCard');
export type RepCard = z.infer<typeof RepCard>;

export const SdrCard = z.object({
  kind: z.literal('sdr'), period: Period, person: Person,
  leads: LeadFigures,
  qualificationRate: Figure.describe('Of the leads they accepted in the period, the share that reached SQL (so far)'),
  sqlsPassed: z.number().int().describe('People who became SQL in the period after they accepted their hand-off'),
  notes: z.array(z.string()),
}).openapi('SdrCard');
export type SdrCard = z.infer<typeof SdrCard>;

const Money = z.object({ currency: z.string(), amount: z.number() });
export const MarketingCard = z.object({
  kind: z.literal('marketing'), period: Period,
  owner: Person.nullable().describe('The program owner (campaign owner), or null for the whole marketing team'),
  mqls: z.number().int().describe('Passes through the funnel that became MQL in the period (re-entries included)'),
  sals: z.number().int().describe('…of them accepted by sales (SAL), so far'),
  sqls: z.number().int().describe('…of them qualified (SQL), so far'),
  mqlToSal: Figure, mqlToSql: Figure,
  sqlsInPeriod: z.number().int().describe('Passes that became SQL in the period (for cost per SQL)'),
  rejectionReasons: z.record(z.enum(REJECT_REASONS), z.number().int()).describe('Why sales turned their leads down, in the period'),
  pipelineSourced: z.array(Money), pipelineInfluenced: z.array(Money),
  revenueSourced: z.array(Money), revenueInfluenced: z.array(Money),
  opportunitiesSourced: z.number().int(),
  cost: z.array(Money).describe('Actual cost of their campaigns, spread evenly over each campaign\'s days, for the days in the period'),
  costPerMql: Figure, costPerSql: Figure, costPerOpportunity: Figure,
  campaigns: z.array(z.object({
    id: z.uuid(), name: z.string(), currency: z.string(), cost: z.number().nullable(),
    revenue: z.number().describe('Revenue credited to the campaign (W-shaped), all time'),
    roi: Figure.describe('revenue ÷ cost'),
  })),
  notes: z.array(z.string()),
}).openapi('MarketingCard');
export type MarketingCard = z.infer<typeof MarketingCard>;
