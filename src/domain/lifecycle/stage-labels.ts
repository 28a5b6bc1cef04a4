import { sql } from 'drizzle-orm';
import { LIFECYCLE_STAGES, type LifecycleStage } from '../../db/schema/vocabulary.js';
import { authorize } from '../identity/access/authorize.js';
import { recordAudit } from '../shared/audit.js';
import type { Ctx } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';
import { z } from '../shared/zod.js';
import { DEFAULT_STAGE_LABELS } from './stage-label-defaults.js';

export { DEFAULT_STAGE_LABELS };

/** The `settings` key the company's own stage labels are stored under. */
export const STAGE_LABELS_KEY = 'lifecycle.stage_labels';

const label = z.string().trim().min(1, 'a label cannot be empty').max(40, 'at most 40 characters');

export const StageLabels = z.object(Object.fromEntries(LIFECYCLE_STAGES.map((s) => [s, z.string()])) as Record<LifecycleStage, z.ZodString>)
  .openapi('StageLabels');
export type StageLabels = Record<LifecycleStage, string>;

export const StageLabelsResult = z.object({
  labels: StageLabels.describe('The label shown for each stage (the company\'s own, else the default)'),
  defaults: StageLabels.describe('The default labels'),
  updatedAt: z.string().nullable().describe('When the labels were last changed (null: never, the defaults apply)'),
}).openapi('StageLabelsResult');
export type StageLabelsResult = { labels: StageLabels; defaults: StageLabels; updatedAt: string | null };

export const UpdateStageLabelsInput = z.strictObject({
  labels: z.strictObject(Object.fromEntries(LIFECYCLE_STAGES.map((s) => [s, label.optional()])) as Record<LifecycleStage, z.ZodOptional<typeof label>>)
    .describe('A label per stage code; a stage left out goes back to its default. The codes themselves never change.'),
});
export type UpdateStageLabelsInput = z.infer<typeof UpdateStageLabelsInput>;

/** Labels as stored, merged over the defaults; anything unknown or malformed in the row is ignored. */
function merge(stored: unknown): StageLabels {
  const out = { ...DEFAULT_STAGE_LABELS };
  if (stored && typeof stored === 'object') {
    for (const s of LIFECYCLE_STAGES) {
      const v = (stored as Record<string, unknown>)[s];
      if (typeof v === 'string' && v.trim()) out[s] = v.trim();
    }
  }
  return out;
}

/** The label of every lifecycle stage: the company's own where set, the default elsewhere. */
export async function getStageLabels(ctx: Ctx): Promise<StageLabelsResult> {
  authorize(ctx, 'lifecycle:read');
  const { rows } = await ctx.db.execute<{ value: unknown; updated_at: string }>(sql`select value, updated_at from settings where key = ${STAGE_LABELS_KEY}`);
  const row = rows[0];
  return { labels: merge(row?.value), defaults: { ...DEFAULT_STAGE_LABELS }, updatedAt: row ? new Date(row.updated_at).toISOString() : null };
}

/**
 * Renames stages for display: the codes (and every rule, report and API that uses them) stay
 * fixed. Two stages may not share a label (a waterfall with two "Lead" rows tells nobody anything).
 */
export async function updateStageLabels(ctx: Ctx, input: UpdateStageLabelsInput): Promise<StageLabelsResult> {
  authorize(ctx, 'lifecycle:write');
  const labels = merge(input.labels);
  const seen = new Map<string, LifecycleStage>();
  for (const s of LIFECYCLE_STAGES) {
    const key = labels[s].toLowerCase();
    const first = seen.get(key);
    if (first) {
      const message = `"${labels[s]}" is already the label of ${first}`;
      throw new DomainError('validation_failed', message, [{ path: `labels.${s}`, message }]);
    }
    seen.set(key, s);
  }
  // Only what differs from the default is stored, so a later change of a default reaches everyone who kept it.
  const own = Object.fromEntries(LIFECYCLE_STAGES.filter((s) => labels[s] !== DEFAULT_STAGE_LABELS[s]).map((s) => [s, labels[s]]));
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const { rows } = await tx.execute<{ value: unknown }>(sql`select value from settings where key = ${STAGE_LABELS_KEY} for update`);
    await tx.execute(sql`insert into settings (key, value, updated_at) values (${STAGE_LABELS_KEY}, ${JSON.stringify(own)}::jsonb, ${now})
      on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at`);
    await recordAudit(tx, ctx.actor, now, [{ entity: 'setting', entityId: STAGE_LABELS_KEY, action: 'update', before: rows[0]?.value ?? null, after: own }]);
  });
  return { labels, defaults: { ...DEFAULT_STAGE_LABELS }, updatedAt: now.toISOString() };
}
