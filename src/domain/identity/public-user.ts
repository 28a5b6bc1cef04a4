import { getTableColumns } from 'drizzle-orm';
import { users } from '../../db/schema/index.js';

/** Every user column but the password hash: what selects meant for the outside world read. */
const { passwordHash: _hidden, ...publicColumns } = getTableColumns(users);
export const publicUserColumns = publicColumns;
