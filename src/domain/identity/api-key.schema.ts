import { z } from '../shared/zod.js';
import { apiKeys } from '../../db/schema/index.js';
import { ROLES } from '../../db/schema/vocabulary.js';
import { createSelectSchema } from '../shared/schema-factory.js';

/** An API key as listed: never the secret (shown once at creation) nor its hash. */
export const ApiKeySchema = createSelectSchema(apiKeys).omit({ secretHash: true }).extend({
  userName: z.string().nullable(),
});
export type ApiKey = z.infer<typeof ApiKeySchema>;

export const CreateApiKeyInput = z.strictObject({
  name: z.string().trim().min(1).max(200).describe('What uses the key, e.g. "Website CMS" or "Warehouse sync".'),
  role: z.enum(ROLES).describe('The rights the key carries.'),
  userId: z.uuid().optional().describe('The user the key acts for (record-level rules and the audit trail); default: the creator.'),
});
export type CreateApiKeyInput = z.infer<typeof CreateApiKeyInput>;

export const CreatedApiKeySchema = ApiKeySchema.extend({
  token: z.string().describe('The key itself. Shown this once; Truce keeps only a hash.'),
});
