import { z } from '../shared/zod.js';
import { scoringModels } from '../../db/schema/index.js';
import { createSelectSchema } from '../shared/schema-factory.js';
import { ScoringDefinition } from './scoring-model.schema.js';

export const ScoringModelSchema = createSelectSchema(scoringModels).extend({ definition: ScoringDefinition }).openapi('ScoringModel');
export type ScoringModel = z.infer<typeof ScoringModelSchema>;

export const CreateScoringModelInput = z.strictObject({
  name: z.string().trim().min(1).max(200),
  definition: ScoringDefinition,
  notes: z.string().trim().max(2000).optional(),
  basedOnId: z.uuid().optional().describe('The model this draft starts from (for the record)'),
});
export type CreateScoringModelInput = z.infer<typeof CreateScoringModelInput>;

export const UpdateScoringModelInput = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  definition: ScoringDefinition.optional(),
  notes: z.string().trim().max(2000).nullable().optional(),
});
export type UpdateScoringModelInput = z.infer<typeof UpdateScoringModelInput>;

export const PersonScoreSchema = z.object({
  personId: z.uuid(), modelId: z.uuid(), modelVersion: z.number().int(), fit: z.number(), engagement: z.number(), total: z.number(),
  grade: z.string(), mqlReason: z.enum(['hand_raise', 'score']).nullable(), explanation: z.array(z.unknown()), scoredAt: z.string(),
}).openapi('PersonScore');
