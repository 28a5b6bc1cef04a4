import { z } from '../shared/zod.js';
import { CHANNELS, TOUCH_KINDS } from '../../db/schema/vocabulary.js';

/**
 * A scoring model as data: fit rules on person and account fields, engagement rules on touches
 * (decaying with a half-life, optionally capped per period), built-in negative signals, grade
 * thresholds and the MQL threshold. Pure rules in score-person.ts read it.
 */
export const FIT_FIELDS = [
  'person.title', 'person.seniority', 'person.country', 'person.emailDomain', 'person.isFreeMail',
  'account.industry', 'account.employeeCount', 'account.annualRevenue', 'account.country', 'account.tier',
] as const;
const fieldRef = z.string().regex(/^(person|account)\.(custom\.[a-z][a-z0-9_]{0,62}|[a-zA-Z]+)$/, 'expected person.<field>, account.<field> or <record>.custom.<key>')
  .refine((f) => f.includes('.custom.') || (FIT_FIELDS as readonly string[]).includes(f), { message: `unknown field; known: ${FIT_FIELDS.join(', ')} or a custom field` });

export const Condition = z.strictObject({
  field: fieldRef,
  op: z.enum(['eq', 'ne', 'in', 'notIn', 'gte', 'lte', 'between', 'contains', 'exists', 'empty']),
  value: z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()]))]).optional(),
}).superRefine((c, ctx) => {
  const need = c.op !== 'exists' && c.op !== 'empty';
  if (need && c.value === undefined) ctx.addIssue({ code: 'custom', path: ['value'], message: `op ${c.op} needs a value` });
  if ((c.op === 'in' || c.op === 'notIn') && !Array.isArray(c.value)) ctx.addIssue({ code: 'custom', path: ['value'], message: `op ${c.op} needs a list` });
  if (c.op === 'between' && !(Array.isArray(c.value) && c.value.length === 2 && c.value.every((v) => typeof v === 'number'))) {
    ctx.addIssue({ code: 'custom', path: ['value'], message: 'between needs [min, max]' });
  }
  if ((c.op === 'gte' || c.op === 'lte') && typeof c.value !== 'number') ctx.addIssue({ code: 'custom', path: ['value'], message: `op ${c.op} needs a number` });
});
export type Condition = z.infer<typeof Condition>;

const ruleId = z.string().trim().regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'lower-case letters, digits, - and _');
const points = z.number().int().min(-1000).max(1000);

export const FitRule = z.strictObject({
  id: ruleId, label: z.string().trim().min(1).max(200), points,
  when: z.array(Condition).min(1).max(10).describe('All must hold'),
});
export type FitRule = z.infer<typeof FitRule>;

export const EngagementRule = z.strictObject({
  id: ruleId, label: z.string().trim().min(1).max(200), points,
  when: z.strictObject({
    kinds: z.array(z.enum(TOUCH_KINDS)).min(1).optional(),
    channels: z.array(z.enum(CHANNELS)).min(1).optional(),
    campaignIds: z.array(z.uuid()).min(1).optional(),
    assetContains: z.string().trim().min(1).max(200).optional(),
    pageContains: z.string().trim().min(1).max(500).optional().describe('Matched in properties.url or properties.page'),
  }).refine((w) => Object.values(w).some((v) => v !== undefined), { message: 'an engagement rule matches on at least one of kinds, channels, campaignIds, assetContains, pageContains' }),
  halfLifeDays: z.number().positive().max(3650).optional().describe('Overrides the model half-life for this rule'),
  cap: z.strictObject({ maxPoints: z.number().int().positive().max(10_000), periodDays: z.number().int().min(1).max(3650) }).optional()
    .describe('At most maxPoints (before decay) from this rule per period of periodDays'),
});
export type EngagementRule = z.infer<typeof EngagementRule>;

export const Signals = z.strictObject({
  badgeScanOnly: z.strictObject({ points: points.max(0), withinDays: z.number().int().min(1).max(365) }).optional()
    .describe('A badge scan with no other touch in the following withinDays (the T-shirt grabber)'),
  unsubscribed: z.strictObject({ points: points.max(0) }).optional(),
});
export type Signals = z.infer<typeof Signals>;

const descending = (name: string) => (t: number[]) => t.every((v, i) => i === 0 || v < t[i - 1]!) || `${name} thresholds must go strictly down`;

export const ScoringDefinition = z.strictObject({
  halfLifeDays: z.number().positive().max(3650).default(30),
  fit: z.array(FitRule).max(100).default([]),
  engagement: z.array(EngagementRule).max(100).default([]),
  signals: Signals.default({}),
  grades: z.strictObject({
    fit: z.array(z.number()).length(3).describe('Fit at or above [A, B, C]; below is D'),
    engagement: z.array(z.number()).length(3).describe('Engagement at or above [1, 2, 3]; below is 4'),
  }).default({ fit: [60, 40, 20], engagement: [60, 30, 10] }),
  mqlThreshold: z.number().min(1).max(100_000).describe('fit + engagement at or above this makes an MQL'),
  account: z.strictObject({
    topPeople: z.number().int().min(1).max(50).default(5).describe('The account\'s engagement is the sum of its most engaged people\'s, this many'),
    threshold: z.number().min(1).max(1_000_000).optional().describe('Account engagement at or above this qualifies the account as a whole (default: twice the MQL threshold)'),
    minMqls: z.number().int().min(1).max(50).default(2).describe('Or this many MQL people at the account'),
  }).default({ topPeople: 5, minMqls: 2 }),
}).superRefine((d, ctx) => {
  for (const [k, t] of [['fit', d.grades.fit], ['engagement', d.grades.engagement]] as const) {
    const ok = descending(k)(t);
    if (ok !== true) ctx.addIssue({ code: 'custom', path: ['grades', k], message: ok });
  }
  const ids = [...d.fit, ...d.engagement].map((r) => r.id);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup) ctx.addIssue({ code: 'custom', path: ['fit'], message: `rule id ${dup} is used twice` });
});
export type ScoringDefinition = z.infer<typeof ScoringDefinition>;
export type ScoringDefinitionInput = z.input<typeof ScoringDefinition>;
