import { eq } from 'drizzle-orm';
import { attributionSettings } from '../../db/schema/attribution.js';
import { authorize } from '../identity/access/authorize.js';
import { recordAudit } from '../shared/audit.js';
import type { Ctx } from '../shared/context.js';
import { DomainError, type Issue } from '../shared/errors.js';
import { readAttributionConfig, type AttributionConfig } from './attribution-settings.js';
import type { UpdateAttributionSettings } from './attribution.schema.js';
import { customWeightIssues } from './custom.js';

export async function getAttributionSettings(ctx: Ctx): Promise<AttributionConfig> {
  authorize(ctx, 'attribution:read');
  return readAttributionConfig(ctx.db);
}

/**
 * Changes how credit is computed. Refuses, field by field, a lookback outside 1..3650 days (a
 * window of zero would credit nothing), a half-life of zero or less, and custom weights that are
 * negative or do not sum to 100%. The caller queues a full recompute.
 */
export async function updateAttributionSettings(ctx: Ctx, input: UpdateAttributionSettings): Promise<AttributionConfig> {
  authorize(ctx, 'attribution:write');
  const issues: Issue[] = [];
  if (input.lookbackDays !== undefined && (input.lookbackDays < 1 || input.lookbackDays > 3650)) {
    issues.push({ path: 'lookbackDays', message: 'the lookback window must be 1 to 3650 days; a window of 0 days would credit nothing' });
  }
  if (input.halfLifeDays !== undefined && !(input.halfLifeDays > 0 && input.halfLifeDays <= 3650)) {
    issues.push({ path: 'halfLifeDays', message: 'the half-life must be more than 0 and at most 3650 days' });
  }
  if (input.customWeights) issues.push(...customWeightIssues(input.customWeights));
  if (issues.length) throw new DomainError('validation_failed', issues.map((i) => i.message).join('; '), issues);
  const before = await readAttributionConfig(ctx.db);
  await ctx.db.transaction(async (tx) => {
    await tx.update(attributionSettings).set({
      ...(input.lookbackDays !== undefined ? { lookbackDays: input.lookbackDays } : {}),
      ...(input.touchScope !== undefined ? { touchScope: input.touchScope } : {}),
      ...(input.halfLifeDays !== undefined ? { halfLifeDays: input.halfLifeDays } : {}),
      ...(input.customWeights !== undefined ? { customWeights: input.customWeights } : {}),
      updatedBy: ctx.principal.userId, updatedAt: ctx.clock.now(),
    }).where(eq(attributionSettings.id, 1));
    await recordAudit(tx, ctx.actor, ctx.clock.now(), [{ entity: 'attribution_settings', entityId: '1', action: 'update', before, after: input }]);
  });
  return readAttributionConfig(ctx.db);
}
