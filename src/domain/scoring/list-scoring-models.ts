import { desc, eq } from 'drizzle-orm';
import { scoringModels } from '../../db/schema/index.js';
import { authorize } from '../identity/access/authorize.js';
import type { Ctx } from '../shared/context.js';
import { notFound } from '../shared/errors.js';
import type { ScoringModel } from './scoring-model-api.schema.js';

/** Every version, newest first: drafts, the live one, and the retired history. */
export async function listScoringModels(ctx: Ctx): Promise<ScoringModel[]> {
  authorize(ctx, 'scoring:read');
  return (await ctx.db.select().from(scoringModels).orderBy(desc(scoringModels.version)).limit(500)) as ScoringModel[];
}

export async function getScoringModel(ctx: Ctx, id: string): Promise<ScoringModel> {
  authorize(ctx, 'scoring:read');
  const [row] = await ctx.db.select().from(scoringModels).where(eq(scoringModels.id, id));
  if (!row) throw notFound('scoring model', id);
  return row as ScoringModel;
}

/** The published model, or null when none is live yet. */
export async function liveScoringModel(ctx: Ctx): Promise<ScoringModel | null> {
  const [row] = await ctx.db.select().from(scoringModels).where(eq(scoringModels.status, 'published'));
  return (row as ScoringModel | undefined) ?? null;
}
