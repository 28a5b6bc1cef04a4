import { z } from '../shared/zod.js';
import { customFieldDefinitions } from '../../db/schema/index.js';
import { CUSTOM_FIELD_ENTITIES, CUSTOM_FIELD_TYPES } from '../../db/schema/vocabulary.js';
import { createSelectSchema } from '../shared/schema-factory.js';

export const CustomFieldSchema = createSelectSchema(customFieldDefinitions);
export type CustomField = z.infer<typeof CustomFieldSchema>;

export const DefineCustomFieldInput = z.strictObject({
  entity: z.enum(CUSTOM_FIELD_ENTITIES),
  key: z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, 'lower-case letters, digits and _; starts with a letter'),
  label: z.string().trim().min(1).max(120),
  type: z.enum(CUSTOM_FIELD_TYPES),
  options: z.array(z.string().trim().min(1)).min(1).optional(),
}).refine((v) => v.type !== 'picklist' || (v.options?.length ?? 0) > 0, {
  path: ['options'], message: 'a pick-list needs at least one option',
});
export type DefineCustomFieldInput = z.infer<typeof DefineCustomFieldInput>;

export const CustomFieldEntityQuery = z.object({ entity: z.enum(CUSTOM_FIELD_ENTITIES).optional() });
