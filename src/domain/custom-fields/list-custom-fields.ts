import { asc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { customFieldDefinitions } from '../../db/schema/index.js';
import type { CustomFieldEntity } from '../../db/schema/vocabulary.js';
import type { CustomField } from './custom-field.schema.js';

export async function listCustomFields(db: Database, entity?: CustomFieldEntity): Promise<CustomField[]> {
  const q = db.select().from(customFieldDefinitions);
  const rows = entity ? await q.where(eq(customFieldDefinitions.entity, entity)).orderBy(asc(customFieldDefinitions.key))
    : await q.orderBy(asc(customFieldDefinitions.entity), asc(customFieldDefinitions.key));
  return rows;
}
