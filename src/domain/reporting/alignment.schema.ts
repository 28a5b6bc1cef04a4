import { z } from '../shared/zod.js';
import { ALIGNMENT_BANDS } from './alignment.js';
import { Figure } from './report-card.schema.js';

export const AnswerSurveyInput = z.object({
  ratings: z.array(z.number().int().min(1).max(5)).length(20).describe('One rating 1–5 per statement, in order'),
  side: z.enum(['sales', 'marketing']).optional().describe('Only for admins; sellers answer for sales, marketing for marketing'),
});
export type AnswerSurveyInput = z.infer<typeof AnswerSurveyInput>;

const SideResult = z.object({ respondents: z.number().int(), total: z.number().nullable().describe('Average total (20–100)'), band: z.enum(ALIGNMENT_BANDS).nullable() });
export const Alignment = z.object({
  statements: z.array(z.string()),
  quarters: z.array(z.object({
    quarter: z.string(), sales: SideResult, marketing: SideResult,
    gap: z.number().nullable().describe('sales − marketing average totals; null unless both sides answered'),
  })).describe('Oldest first'),
  latest: z.object({
    quarter: z.string(),
    byStatement: z.array(z.object({ statement: z.number().int(), sales: z.number().nullable(), marketing: z.number().nullable() })),
  }).nullable(),
  mine: z.object({ quarter: z.string(), ratings: z.array(z.number().int()), total: z.number().int(), side: z.enum(['sales', 'marketing']) }).nullable(),
  signals: z.object({
    windowDays: z.number().int(),
    forecastAccuracy: Figure.describe('Last past quarter: the weighted forecast first recorded against what was won'),
    mqlAcceptanceRate: Figure.describe('Hand-offs accepted ÷ answered'),
    slaCompliance: Figure.describe('Hand-offs without an accept breach ÷ hand-offs assigned'),
    disputeRate: Figure.describe('Credit disputes opened ÷ deals created'),
    marketingInfluencedShare: Figure.describe('Deals created with marketing-influenced pipeline ÷ deals created (attribution)'),
    feedbackItems: Figure,
  }),
}).openapi('Alignment');
export type Alignment = z.infer<typeof Alignment>;
