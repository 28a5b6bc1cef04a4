import { z } from '../shared/zod.js';

const answer = z.string().trim().min(1).max(1000).nullable().optional();

/** Ready (timing), willing (need and intent), able (budget and authority): each box needs its answer. */
export const RecordQualificationInput = z.strictObject({
  timing: answer.describe('Ready: when do they want to buy, and why then?'),
  need: answer.describe('Willing: the need and the intent to solve it'),
  budget: answer.describe('Able: is there money, and how much?'),
  authority: answer.describe('Able: who decides, and are we talking to them?'),
  ready: z.boolean().default(false),
  willing: z.boolean().default(false),
  able: z.boolean().default(false),
  notes: z.string().trim().max(5000).nullable().optional(),
}).superRefine((q, ctx) => {
  if (q.ready && !q.timing) ctx.addIssue({ code: 'custom', path: ['timing'], message: 'say when they are ready to buy' });
  if (q.willing && !q.need) ctx.addIssue({ code: 'custom', path: ['need'], message: 'say what they need and intend' });
  if (q.able && !q.budget) ctx.addIssue({ code: 'custom', path: ['budget'], message: 'say what budget there is' });
  if (q.able && !q.authority) ctx.addIssue({ code: 'custom', path: ['authority'], message: 'say who decides' });
});
export type RecordQualificationInput = z.infer<typeof RecordQualificationInput>;

export const QualificationSchema = z.object({
  personId: z.uuid(), timing: z.string().nullable(), need: z.string().nullable(), budget: z.string().nullable(), authority: z.string().nullable(),
  ready: z.boolean(), willing: z.boolean(), able: z.boolean(), notes: z.string().nullable(), recordedBy: z.uuid().nullable(), recordedAt: z.date(),
}).openapi('Qualification');
export type Qualification = z.infer<typeof QualificationSchema>;

export const QualifyAsSqlInput = z.strictObject({ reason: z.string().trim().max(500).optional() });
