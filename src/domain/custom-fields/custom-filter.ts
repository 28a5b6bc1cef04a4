import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { DomainError } from '../shared/errors.js';
import type { CustomField } from './custom-field.schema.js';

export const FILTER_OPS = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'contains', 'empty'] as const;
type Op = (typeof FILTER_OPS)[number];
const SQL_OP: Record<Exclude<Op, 'contains' | 'empty'>, string> = { eq: '=', ne: '<>', gt: '>', gte: '>=', lt: '<', lte: '<=' };

/**
 * Parses `key:op:value` filters on custom fields (query parameter `cf`, repeatable) into SQL
 * over the record's `custom` jsonb column, comparing with the field's own type.
 */
export function customFieldFilters(column: AnyPgColumn, defs: CustomField[], filters: string[]): SQL[] {
  const byKey = new Map(defs.map((d) => [d.key, d]));
  return filters.map((f, i) => {
    const path = `cf[${i}]`;
    const [key = '', op = '', ...rest] = f.split(':');
    const value = rest.join(':');
    const def = byKey.get(key);
    if (!def) throw new DomainError('unknown_custom_field', `No custom field "${key}".`, [{ path, message: `unknown field "${key}"` }]);
    if (!(FILTER_OPS as readonly string[]).includes(op)) {
      throw new DomainError('validation_failed', `Unknown operator "${op}".`, [{ path, message: `operator must be one of ${FILTER_OPS.join(', ')}` }]);
    }
    const text = sql`(${column} ->> ${key})`;
    if (op === 'empty') return sql`${text} is null`;
    if (op === 'contains') return sql`${text} ilike ${'%' + value.replace(/[\\%_]/g, (c) => `\\${c}`) + '%'}`;
    const cast = def.type === 'number' ? 'numeric' : def.type === 'date' ? 'date' : def.type === 'boolean' ? 'boolean' : 'text';
    if (cast === 'numeric' && !Number.isFinite(Number(value))) {
      throw new DomainError('invalid_custom_value', `"${value}" is not a number.`, [{ path, message: 'expected a number' }]);
    }
    if (cast === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
      throw new DomainError('invalid_custom_value', `"${value}" is not a date.`, [{ path, message: 'expected YYYY-MM-DD' }]);
    }
    return sql`cast(${text} as ${sql.raw(cast)}) ${sql.raw(SQL_OP[op as keyof typeof SQL_OP])} cast(${value} as ${sql.raw(cast)})`;
  });
}
