import { z } from '../shared/zod.js';
import { LIFECYCLE_STAGES, OPPORTUNITY_STAGES, ROLES, SIDES } from '../../db/schema/vocabulary.js';

export const ScoreboardQuery = z.object({
  from: z.iso.date().optional().describe('First day (UTC) of the period; with `to`. Default: the current quarter.'),
  to: z.iso.date().optional().describe('Day after the last day of the period (exclusive).'),
}).refine((q) => !!q.from === !!q.to, { message: 'give both from and to, or neither', path: ['to'] })
  .refine((q) => !q.from || !q.to || q.from < q.to, { message: 'to must be after from', path: ['to'] });
export type ScoreboardQuery = z.infer<typeof ScoreboardQuery>;

const Money = z.object({ currency: z.string(), count: z.number().int(), amount: z.number() });

export const Scoreboard = z.object({
  period: z.object({ from: z.string(), to: z.string(), label: z.string() }),
  openPipeline: z.array(Money.extend({ stage: z.enum(OPPORTUNITY_STAGES) })).describe('Open deals now, by stage and currency'),
  created: z.array(Money).describe('Deals created in the period'),
  won: z.array(Money).describe('Deals won in the period'),
  lost: z.array(Money).describe('Deals lost in the period'),
  winRate: z.number().nullable().describe('Won ÷ (won + lost) by count, in the period; null without closed deals'),
  funnel: z.array(z.object({ stage: z.enum(LIFECYCLE_STAGES), entered: z.number().int() })).nullable()
    .describe('People entering each lifecycle stage in the period (null when the role may not read people)'),
  touches: z.array(z.object({ side: z.enum(SIDES), count: z.number().int() })).nullable()
    .describe('Touches in the period by side (null when the role may not read touches)'),
}).openapi('Scoreboard');
export type Scoreboard = z.infer<typeof Scoreboard>;

export const TeamMemberRow = z.object({
  userId: z.uuid(), name: z.string(), role: z.enum(ROLES),
  openDeals: z.number().int(), openAmount: z.number(), wonAmount: z.number().describe('Won in the current quarter'),
  leadsWaiting: z.number().int().describe('People they own at MQL: hand-offs not yet accepted'),
  accepted: z.number().int().describe('People they own at SAL'),
}).openapi('TeamMemberRow');
export type TeamMemberRow = z.infer<typeof TeamMemberRow>;
