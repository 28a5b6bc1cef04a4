import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { ChunkWriter } from './import-types.js';
import { AccountRow } from './import-rows.js';
import { lookupAccounts, lookupUsers, parseRows, pgArray, uniq } from './resolve-refs.js';

/**
 * Upserts accounts. The key is the external id, else the first domain, else the exact name.
 * A parent may come later in the file: unknown parents are resolved after the last row.
 */
export const writeAccountRows: ChunkWriter = async (tx, rows, env) => {
  const { good, errors } = parseRows(rows, AccountRow, env.customFields, 'account');
  const users = await lookupUsers(tx, uniq(good.map((g) => g.data.ownerEmail)), uniq(good.map((g) => g.data.ownerExternalId)));
  const known = await lookupAccounts(tx, uniq([...good.map((g) => g.data.externalId), ...good.map((g) => g.data.parentExternalId)]), uniq(good.flatMap((g) => g.data.domains ?? [])));
  const names = uniq(good.filter((g) => !g.data.externalId && !g.data.domains?.length).map((g) => g.data.name.toLowerCase()));
  const byName = new Map<string, string>();
  if (names.length) {
    const r = await tx.execute<{ id: string; n: string }>(sql`select id, lower(name) as n from accounts where lower(name) = any(${pgArray(names)}::text[])`);
    for (const a of r.rows) byName.set(a.n, a.id);
  }
  const domainOwners = uniq([...known.byDomain.values()]);
  const withExternal = new Set(domainOwners.length
    ? (await tx.execute<{ id: string }>(sql`select id::text from accounts where id = any(${pgArray(domainOwners)}::uuid[]) and external_id is not null`)).rows.map((r) => r.id)
    : []);
  const free = new Set((await tx.execute<{ domain: string }>(sql`select domain from free_mail_domains`)).rows.map((r) => r.domain));
  const inChunk = new Map<string, string>();
  const records = good.flatMap(({ row, data, custom }) => {
    const fail = (field: string, message: string): [] => { errors.push({ rowNumber: row.rowNumber, field, code: 'invalid_value', message }); return []; };
    const domains = data.domains ?? [];
    const badDomain = domains.find((d) => !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(d));
    if (badDomain) return fail('domains', `"${badDomain}" is not a domain such as acme.com`);
    const freeDomain = domains.find((d) => free.has(d));
    if (freeDomain) return fail('domains', `${freeDomain} is a free-mail domain and cannot identify an account`);
    const ownerId = data.ownerEmail ? users.byEmail.get(data.ownerEmail) : data.ownerExternalId ? users.byExternal.get(data.ownerExternalId) : undefined;
    if ((data.ownerEmail || data.ownerExternalId) && !ownerId) return fail('ownerEmail', 'no Truce user with this e-mail or id');
    // An account created earlier without an external id (by a captured touch, say) is adopted by its domain.
    const byDomain = domains[0] ? known.byDomain.get(domains[0]) : undefined;
    const existing = (data.externalId && known.byExternal.get(data.externalId))
      || (byDomain && (!data.externalId || !withExternal.has(byDomain)) ? byDomain : undefined)
      || (!data.externalId && !domains.length && byName.get(data.name.toLowerCase())) || undefined;
    const key = data.externalId ? `x:${data.externalId}` : domains[0] ? `d:${domains[0]}` : `n:${data.name.toLowerCase()}`;
    if (inChunk.has(key)) return fail(key.startsWith('x') ? 'externalId' : key.startsWith('d') ? 'domains' : 'name', 'the same account is on an earlier row of the file');
    const id = existing ?? randomUUID();
    const owned = domains.find((d) => known.byDomain.has(d) && known.byDomain.get(d) !== id);
    if (owned) return fail('domains', `${owned} already belongs to another account`);
    inChunk.set(key, id);
    if (data.externalId) inChunk.set(`x:${data.externalId}`, id);
    return [{ row, id, data, custom, ownerId: ownerId ?? null, domains }];
  });
  if (records.length === 0) return { ok: 0, errors };
  const now = env.ctx.clock.now().toISOString();
  await tx.execute(sql`
    insert into accounts as a (id, external_id, name, industry, employee_count, annual_revenue, country, region, tier, owner_id, custom, created_at, updated_at)
    select id, external_id, name, industry, employee_count, annual_revenue, country, region, tier, owner_id, coalesce(custom, '{}'), coalesce(created_at, ${now}::timestamptz), ${now}::timestamptz
    from json_to_recordset(${JSON.stringify(records.map((r) => ({
      id: r.id, external_id: r.data.externalId ?? null, name: r.data.name, industry: r.data.industry ?? null, employee_count: r.data.employeeCount ?? null,
      annual_revenue: r.data.annualRevenue ?? null, country: r.data.country ?? null, region: r.data.region ?? null, tier: r.data.tier ?? null,
      owner_id: r.ownerId, custom: r.custom, created_at: r.data.createdAt ?? null,
    })))}::json) as r(id uuid, external_id text, name text, industry text, employee_count int, annual_revenue numeric, country text, region text,
      tier text, owner_id uuid, custom jsonb, created_at timestamptz)
    on conflict (id) do update set
      external_id = coalesce(excluded.external_id, a.external_id), name = excluded.name, industry = coalesce(excluded.industry, a.industry),
      employee_count = coalesce(excluded.employee_count, a.employee_count), annual_revenue = coalesce(excluded.annual_revenue, a.annual_revenue),
      country = coalesce(excluded.country, a.country), region = coalesce(excluded.region, a.region), tier = coalesce(excluded.tier, a.tier),
      owner_id = coalesce(excluded.owner_id, a.owner_id), custom = a.custom || excluded.custom, updated_at = excluded.updated_at`);
  // History: a creation date in the file wins over the one the account got when first seen.
  await tx.execute(sql`update accounts a set created_at = r.created_at
    from json_to_recordset(${JSON.stringify(records.filter((r) => r.data.createdAt).map((r) => ({ id: r.id, created_at: r.data.createdAt })))}::json) as r(id uuid, created_at timestamptz)
    where a.id = r.id`);
  const domainRows = records.flatMap((r) => r.domains.map((domain) => ({ domain, account_id: r.id })));
  if (domainRows.length) {
    await tx.execute(sql`insert into account_domains (domain, account_id)
      select domain, account_id from json_to_recordset(${JSON.stringify(domainRows)}::json) as r(domain text, account_id uuid) on conflict (domain) do nothing`);
  }
  for (const r of records) {
    if (!r.data.parentExternalId) continue;
    const parentId = known.byExternal.get(r.data.parentExternalId) ?? inChunk.get(`x:${r.data.parentExternalId}`);
    if (parentId && parentId !== r.id) await tx.execute(sql`update accounts set parent_id = ${parentId} where id = ${r.id}`);
    else env.deferredParents.push({ rowNumber: r.row.rowNumber, accountId: r.id, parentExternalId: r.data.parentExternalId });
  }
  return { ok: records.length, errors };
};
