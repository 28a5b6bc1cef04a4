import { z } from '../shared/zod.js';
import { FUNNEL_STAGES } from './waterfall.js';

export const WATERFALL_DIMENSIONS = ['none', 'cohort', 'source', 'channel', 'campaign', 'segment', 'team'] as const;
export type WaterfallDimension = (typeof WATERFALL_DIMENSIONS)[number];

export const WaterfallQuery = z.object({
  from: z.iso.date().optional().describe('First day (UTC) of the cohorts: episodes that started on or after it. Default: 12 months before today, from the 1st.'),
  to: z.iso.date().optional().describe('Day after the last day of the cohorts (exclusive). Default: tomorrow.'),
  by: z.enum(WATERFALL_DIMENSIONS).default('cohort').describe('Split the funnel by cohort month, original source, original channel, campaign of the first touch, segment (account size) or team (of the owner).'),
}).refine((q) => !q.from || !q.to || q.from < q.to, { message: 'to must be after from', path: ['to'] });
export type WaterfallQuery = z.infer<typeof WaterfallQuery>;

const Velocity = z.object({
  n: z.number().int().describe('Episodes that entered both stages'),
  medianDays: z.number().nullable(), p90Days: z.number().nullable(),
});
const StageFigures = z.object({
  stage: z.enum(FUNNEL_STAGES),
  entered: z.number().int().describe('Episodes with a transition into the stage'),
  passed: z.number().int().describe('Episodes that entered the stage, or started at or before it and reached a later one'),
  skipped: z.number().int().describe('passed − entered: went past the stage without a transition into it'),
  conversion: z.number().nullable().describe('passed(next stage) ÷ passed(this stage); null when nobody passed it, and for the last stage'),
  velocity: Velocity.describe('Days from entering this stage to entering the next'),
});
export const FunnelFigures = z.object({
  episodes: z.number().int(), people: z.number().int(), stages: z.array(StageFigures),
}).openapi('FunnelFigures');

export const Waterfall = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  by: z.enum(WATERFALL_DIMENSIONS),
  total: z.object({ firstPass: FunnelFigures, reentries: FunnelFigures }),
  groups: z.array(z.object({
    key: z.string().describe("The group's key ('' = unknown); drill down with it"),
    label: z.string(),
    firstPass: FunnelFigures,
    reentries: FunnelFigures.describe('Boomerangs: episodes that began with a re-entry, counted apart'),
  })),
}).openapi('Waterfall');
export type Waterfall = z.infer<typeof Waterfall>;

export const WaterfallPeopleQuery = z.object({
  from: z.iso.date().optional(), to: z.iso.date().optional(),
  by: z.enum(WATERFALL_DIMENSIONS).default('none'),
  key: z.string().optional().describe('The group (as returned in `groups[].key`); absent = every group'),
  stage: z.enum(FUNNEL_STAGES),
  measure: z.enum(['entered', 'passed', 'skipped', 'converted']).default('entered').describe('converted = passed this stage and the next'),
  pass: z.enum(['first', 'reentry']).default('first'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type WaterfallPeopleQuery = z.infer<typeof WaterfallPeopleQuery>;

export const WaterfallPerson = z.object({
  personId: z.uuid(), email: z.string(), name: z.string().nullable(), lifecycleStage: z.string(),
  episodeStart: z.string(), enteredAt: z.string().nullable().describe('When the episode entered the stage (null: skipped)'),
});
export const WaterfallPeople = z.object({
  total: z.number().int().describe('How many episodes are behind the figure (the list stops at `limit`)'),
  data: z.array(WaterfallPerson),
}).openapi('WaterfallPeople');
export type WaterfallPeople = z.infer<typeof WaterfallPeople>;
