import type { Role } from '../../../db/schema/vocabulary.js';

/**
 * What each role may do, as data: the one table the domain consults (docs/roles.md is written
 * from it). Record-level rules (whose records) come on top, in record-scope.ts.
 */
const ALL: readonly Role[] = ['admin', 'marketing', 'sdr', 'sales_rep', 'sales_manager', 'product', 'exec'];
const SELLERS: readonly Role[] = ['sdr', 'sales_rep', 'sales_manager'];

export const PERMISSIONS = {
  'people:read': ['admin', 'marketing', ...SELLERS, 'exec'],
  'people:write': ['admin', 'marketing', ...SELLERS],
  'accounts:read': ALL,
  'accounts:write': ['admin', 'marketing', ...SELLERS],
  'opportunities:read': ['admin', 'marketing', 'sales_rep', 'sales_manager', 'product', 'exec'],
  'opportunities:write': ['admin', 'sales_rep', 'sales_manager'],
  'campaigns:read': ['admin', 'marketing', ...SELLERS, 'exec'],
  'campaigns:write': ['admin', 'marketing'],
  'touchpoints:read': ['admin', 'marketing', ...SELLERS, 'exec'],
  'touchpoints:write': ['admin', 'marketing'],
  'activities:log': ['admin', ...SELLERS],
  'forms:manage': ['admin', 'marketing'],
  'imports:marketing': ['admin', 'marketing'],
  'imports:sales': ['admin', 'sales_manager'],
  'imports:read': ['admin', 'marketing', 'sales_manager'],
  'custom_fields:read': ALL,
  'custom_fields:write': ['admin', 'marketing'],
  'users:read': ALL,
  'users:manage': ['admin'],
  'api_keys:manage': ['admin'],
  'audit:read': ['admin'],
  'reports:read': ALL,
  'scoring:read': ALL,
  'scoring:write': ['admin', 'marketing'],
  'qualification:write': ['admin', ...SELLERS],
  'lifecycle:read': ALL,
  'lifecycle:write': ['admin', 'marketing'],
  'team:read': ['admin', 'sales_manager', 'exec'],
  'attribution:read': ['admin', 'marketing', 'sales_rep', 'sales_manager', 'product', 'exec'],
  'attribution:write': ['admin', 'marketing'],
  'disputes:open': ['admin', 'marketing', ...SELLERS],
  'disputes:rule': ['admin', 'sales_manager', 'exec'],
  'routing:read': ['admin', 'marketing', ...SELLERS, 'exec'],
  'routing:write': ['admin', 'sales_manager'],
  'handoffs:read': ['admin', 'marketing', ...SELLERS, 'exec'],
  'handoffs:decide': ['admin', ...SELLERS],
  'notifications:read': ALL,
  'webhooks:manage': ['admin'],
  'cards:read': ['admin', 'marketing', ...SELLERS, 'exec'],
  'quotas:write': ['admin', 'sales_manager'],
  'goals:write': ['admin', 'sales_manager', 'marketing'],
  'survey:answer': ['admin', 'marketing', ...SELLERS],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

/** Roles whose records are limited to their own and their team's (record-scope.ts). */
export const SCOPED_ROLES: readonly Role[] = SELLERS;

export function isScoped(role: Role): boolean {
  return SCOPED_ROLES.includes(role);
}
