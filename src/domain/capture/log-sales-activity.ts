import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { people, touchpoints } from '../../db/schema/index.js';
import { authorize } from '../identity/access/authorize.js';
import { assertVisible } from '../identity/access/assert-visible.js';
import type { Ctx } from '../shared/context.js';
import { invalid } from '../shared/errors.js';
import { recordFirstTouch } from '../handoff/record-first-touch.js';
import type { LogActivityInput } from './activity.schema.js';
import { writeTouchpoints } from './write-touchpoints.js';

const FUTURE_SKEW_MS = 5 * 60_000;

/**
 * A seller logs a call, meeting or message on a person or account they can see: a sales-side,
 * direct-sales touch like any other (immutable, on the timeline, evidence of prior claim).
 */
export async function logSalesActivity(ctx: Ctx, input: LogActivityInput) {
  authorize(ctx, 'activities:log');
  if (input.personId) await assertVisible(ctx, 'person', input.personId);
  if (input.accountId) await assertVisible(ctx, 'account', input.accountId);
  const now = ctx.clock.now();
  const occurredAt = input.occurredAt ? new Date(input.occurredAt) : now;
  if (occurredAt.getTime() > now.getTime() + FUTURE_SKEW_MS) throw invalid('occurredAt', 'an activity cannot be logged in the future');
  let accountId = input.accountId ?? null;
  if (!accountId && input.personId) {
    const [p] = await ctx.db.select({ accountId: people.accountId }).from(people).where(eq(people.id, input.personId));
    accountId = p?.accountId ?? null;
  }
  const externalId = input.externalId ?? `activity:${randomUUID()}`;
  await writeTouchpoints(ctx, [{
    externalId, occurredAt: occurredAt.toISOString(), kind: input.kind, channel: 'direct_sales', side: 'sales',
    email: null, personId: input.personId ?? null, accountId, person: null, campaignId: null, asset: null,
    properties: {
      ...(input.subject ? { subject: input.subject } : {}),
      ...(input.note ? { note: input.note } : {}),
      ...(ctx.principal.userId ? { loggedBy: ctx.principal.userId } : {}),
    },
  }]);
  const [row] = await ctx.db.select().from(touchpoints).where(eq(touchpoints.externalId, externalId));
  if (input.personId) await recordFirstTouch(ctx.db, input.personId, occurredAt);
  return row!;
}
