import { z } from '../shared/zod.js';
import type { TouchKind } from '../../db/schema/vocabulary.js';

/** What a seller logs by hand: the sales side of the timeline (prior-claim evidence later). */
export const ACTIVITY_KINDS = ['call', 'meeting', 'sales_email', 'linkedin_message', 'chat', 'other'] as const satisfies readonly TouchKind[];

export const LogActivityInput = z.strictObject({
  personId: z.uuid().optional(),
  accountId: z.uuid().optional().describe('Defaults to the person\'s account.'),
  kind: z.enum(ACTIVITY_KINDS),
  occurredAt: z.iso.datetime({ offset: true }).optional().describe('When it happened; defaults to now. Not in the future.'),
  subject: z.string().trim().min(1).max(300).optional(),
  note: z.string().trim().max(5000).optional(),
  externalId: z.string().trim().min(1).max(200).optional().describe('Idempotency key for clients that retry.'),
}).refine((a) => a.personId || a.accountId, { message: 'an activity is logged on a person or an account', path: ['personId'] });
export type LogActivityInput = z.infer<typeof LogActivityInput>;
