import { desc, eq, getTableColumns } from 'drizzle-orm';
import { apiKeys, users } from '../../db/schema/index.js';
import type { Ctx } from '../shared/context.js';
import { authorize } from './access/authorize.js';
import type { ApiKey } from './api-key.schema.js';

/** Every key, revoked ones too (with when), newest first; last use shown. */
export async function listApiKeys(ctx: Ctx): Promise<ApiKey[]> {
  authorize(ctx, 'api_keys:manage');
  const { secretHash: _hash, ...columns } = getTableColumns(apiKeys);
  return ctx.db.select({ ...columns, userName: users.name }).from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.userId)).orderBy(desc(apiKeys.createdAt));
}
