import { describe, expect, it } from 'vitest';
import { ROLES } from '../../../db/schema/vocabulary.js';
import { can, isScoped, PERMISSIONS } from './permissions.js';

describe('role permissions', () => {
  it('gives admin every permission', () => {
    for (const p of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]) expect(can('admin', p)).toBe(true);
  });

  it('lets exec read everything business-related but change nothing, except ruling on credit disputes (issue 6)', () => {
    for (const p of ['people:read', 'accounts:read', 'opportunities:read', 'campaigns:read', 'touchpoints:read'] as const) expect(can('exec', p)).toBe(true);
    expect(can('exec', 'disputes:rule')).toBe(true);
    const writes = (Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]).filter((p) => !p.endsWith(':read') && p !== 'disputes:rule');
    for (const p of writes) expect(can('exec', p), p).toBe(false);
  });

  it('keeps opportunities read-only for marketing and product', () => {
    expect(can('marketing', 'opportunities:read')).toBe(true);
    expect(can('marketing', 'opportunities:write')).toBe(false);
    expect(can('product', 'opportunities:read')).toBe(true);
    expect(can('product', 'opportunities:write')).toBe(false);
  });

  it('stops sales roles from changing campaigns (and their costs)', () => {
    for (const r of ['sdr', 'sales_rep', 'sales_manager'] as const) expect(can(r, 'campaigns:write')).toBe(false);
  });

  it('keeps product out of people and touches', () => {
    expect(can('product', 'people:read')).toBe(false);
    expect(can('product', 'touchpoints:read')).toBe(false);
  });

  it('scopes exactly the selling roles to their own records', () => {
    expect(ROLES.filter(isScoped)).toEqual(['sdr', 'sales_rep', 'sales_manager']);
  });
});

describe('docs/roles.md', () => {
  it('shows the permission table the code enforces', async () => {
    const { readFileSync } = await import('node:fs');
    const { permissionTableMarkdown } = await import('./permission-table.js');
    const doc = readFileSync(new URL('../../../../docs/roles.md', import.meta.url), 'utf8');
    const table = /<!-- permissions:start -->\n([\s\S]*?)\n<!-- permissions:end -->/.exec(doc)?.[1];
    expect(table, 'docs/roles.md is out of date: paste permissionTableMarkdown() between the markers').toBe(permissionTableMarkdown());
  });
});
