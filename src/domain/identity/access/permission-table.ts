import { ROLES } from '../../../db/schema/vocabulary.js';
import { can, PERMISSIONS, type Permission } from './permissions.js';

/** The permission table as Markdown, one row per permission: docs/roles.md embeds it verbatim. */
export function permissionTableMarkdown(): string {
  const head = `| permission | ${ROLES.join(' | ')} |`;
  const rule = `|---|${ROLES.map(() => ':-:').join('|')}|`;
  const rows = (Object.keys(PERMISSIONS) as Permission[]).map((p) => `| \`${p}\` | ${ROLES.map((r) => (can(r, p) ? '✓' : '')).join(' | ')} |`);
  return [head, rule, ...rows].join('\n');
}
