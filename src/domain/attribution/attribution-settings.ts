import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { attributionSettings, type CustomWeights, type TouchScope } from '../../db/schema/attribution.js';

/** What every computation reads: which touches count, the lookback, the half-life, the custom weights. */
export type AttributionConfig = {
  lookbackDays: number;
  touchScope: TouchScope;
  halfLifeDays: number;
  customWeights: CustomWeights;
  updatedAt: Date;
};

export async function readAttributionConfig(db: Database): Promise<AttributionConfig> {
  const [row] = await db.select().from(attributionSettings).where(eq(attributionSettings.id, 1));
  if (row) return { lookbackDays: row.lookbackDays, touchScope: row.touchScope, halfLifeDays: row.halfLifeDays, customWeights: row.customWeights, updatedAt: row.updatedAt };
  // The migration seeds the row; a database restored without it still computes with the defaults.
  await db.insert(attributionSettings).values({ id: 1 }).onConflictDoNothing();
  return readAttributionConfig(db);
}
