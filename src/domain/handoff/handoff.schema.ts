import { HANDOFF_STATUSES, REJECT_OUTCOMES, REJECT_REASONS, ROUTING_RULE_KINDS } from '../../db/schema/vocabulary.js';
import { z } from '../shared/zod.js';

export const RejectHandoffInput = z.strictObject({
  reason: z.enum(REJECT_REASONS).describe('Why: one of the fixed reasons, so marketing can count them'),
  note: z.string().trim().min(3, 'say in a few words what you found').max(2000),
  outcome: z.enum(REJECT_OUTCOMES).default('recycled').describe('recycled: back to nurture; disqualified: out'),
  recycleUntil: z.iso.date().optional().describe('recycled: when the lead may come back (default: in 90 days)'),
  evidence: z.strictObject({
    opportunityId: z.uuid().optional(),
    touchpointId: z.uuid().optional(),
  }).optional().describe('already_working_it: the open opportunity or the sales touch from before the MQL'),
});
export type RejectHandoffInput = z.infer<typeof RejectHandoffInput>;

export const DecideHandoffsInput = z.strictObject({
  ids: z.array(z.uuid()).min(1).max(500),
  action: z.enum(['accept', 'reject']),
  reject: RejectHandoffInput.optional().describe('The reason, note and outcome for every lead when rejecting'),
}).refine((d) => d.action !== 'reject' || d.reject, { path: ['reject'], message: 'a rejection needs a reason and a note' });
export type DecideHandoffsInput = z.infer<typeof DecideHandoffsInput>;

export const ReassignHandoffInput = z.strictObject({
  note: z.string().trim().max(500).optional().describe('Why it is re-routed (kept in the new hand-off’s story)'),
});

export const HandoffSchema = z.object({
  id: z.uuid(), personId: z.uuid(), personEmail: z.string(), personName: z.string().nullable(), company: z.string().nullable(),
  accountId: z.uuid().nullable(), accountName: z.string().nullable(),
  ownerId: z.uuid(), ownerName: z.string(), teamId: z.uuid().nullable(),
  status: z.enum(HANDOFF_STATUSES), ruleKind: z.enum(ROUTING_RULE_KINDS), ruleName: z.string().nullable(), why: z.string(),
  routing: z.record(z.string(), z.unknown()),
  mqlAt: z.date(), assignedAt: z.date(), acceptDueAt: z.date(), firstTouchDueAt: z.date(), remindAt: z.date(), reassignAt: z.date(),
  acceptedAt: z.date().nullable(), firstTouchAt: z.date().nullable(), rejectedAt: z.date().nullable(),
  rejectReason: z.enum(REJECT_REASONS).nullable(), rejectNote: z.string().nullable(), rejectOutcome: z.enum(REJECT_OUTCOMES).nullable(), recycleUntil: z.string().nullable(),
  evidence: z.record(z.string(), z.unknown()).nullable(),
  previousId: z.uuid().nullable(), modelVersion: z.number().int().nullable(),
  grade: z.string().nullable(), score: z.number().nullable(), mqlReason: z.string().nullable(),
  topReasons: z.array(z.object({ rule: z.string(), points: z.number() })).describe('The rules that gave the most points: why this lead is hot'),
  breaches: z.array(z.object({ kind: z.string(), dueAt: z.date(), lateMinutes: z.number().int() })),
  minutesLeft: z.number().int().nullable().describe('Business minutes to the accept deadline (negative when past); null once decided'),
  timeToAcceptMinutes: z.number().int().nullable().describe('Business minutes from assignment to acceptance'),
}).openapi('Handoff');
export type Handoff = z.infer<typeof HandoffSchema>;
