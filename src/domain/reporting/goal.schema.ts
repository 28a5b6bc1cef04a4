import { z } from '../shared/zod.js';
import { Figure } from './report-card.schema.js';

export const SetGoalInput = z.object({
  startsOn: z.iso.date(), endsOn: z.iso.date().describe('Last day (inclusive)'),
  amount: z.number().min(0).max(1e13),
  currency: z.string().regex(/^[A-Z]{3}$/, 'a three-letter ISO currency code').default('USD'),
  note: z.string().max(2000).optional(),
}).refine((g) => g.endsOn >= g.startsOn, { message: 'endsOn must not be before startsOn', path: ['endsOn'] });
export type SetGoalInput = z.infer<typeof SetGoalInput>;

export const CommitGoalInput = z.object({ side: z.enum(['sales', 'marketing']).optional().describe('Only for admins; everyone else commits for their own side') });

export const RevenueGoal = z.object({
  id: z.uuid(), startsOn: z.string(), endsOn: z.string(), amount: z.number(), currency: z.string(), note: z.string().nullable(),
  salesCommittedAt: z.string().nullable(), marketingCommittedAt: z.string().nullable(),
}).openapi('RevenueGoal');
export type RevenueGoal = z.infer<typeof RevenueGoal>;

const Money = z.object({ currency: z.string(), amount: z.number(), count: z.number().int() });
export const GoalBoard = z.object({
  goal: RevenueGoal.nullable(),
  progress: z.object({
    won: Figure.describe('Won in the goal currency since the goal started'),
    share: Figure.describe('won ÷ goal'),
    remaining: Figure,
    coveringPipeline: Figure.describe('Open pipeline in the goal currency expected to close before the goal ends'),
    coverage: Figure.describe('coveringPipeline ÷ remaining'),
  }),
  thisQuarter: z.object({
    quarter: z.string(),
    won: z.array(Money), weighted: z.array(Money).describe('Won + open deals closing this quarter × stage probability'),
    commit: z.array(Money).describe('Won + deals in negotiation closing this quarter'),
    bestCase: z.array(Money).describe('Won + every open deal closing this quarter'),
    accuracy: z.array(z.object({ quarter: z.string(), currency: z.string(), forecast: z.number(), won: z.number(), accuracy: Figure }))
      .describe('Past quarters: the weighted forecast first recorded in the quarter against what was won'),
    accuracyWhy: z.string().nullable(),
  }),
  nextFour: z.object({
    pipelineByQuarter: z.array(z.object({ quarter: z.string(), rows: z.array(Money) })).describe('Open pipeline by expected close quarter (close date)'),
    pipelineWithoutCloseDate: z.array(Money),
    nurtureByGrade: z.array(z.object({ grade: z.string(), people: z.number().int() })).describe('People in nurture (subscriber, lead, recycled) by score grade; "unscored" without a score'),
    whitespace: z.object({
      accounts: z.number().int().describe('Accounts with known people and no open deal'),
      customers: z.number().int().describe('…of them customers (a deal won): room to expand'),
      sites: z.number().int().describe('Sites of those accounts'),
      top: z.array(z.object({ id: z.uuid(), name: z.string(), customer: z.boolean(), people: z.number().int(), touches90d: z.number().int() })),
      note: z.string(),
    }),
  }),
}).openapi('GoalBoard');
export type GoalBoard = z.infer<typeof GoalBoard>;
