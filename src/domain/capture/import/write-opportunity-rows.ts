import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { ChunkWriter } from './import-types.js';
import { OpportunityRow } from './import-rows.js';
import { lookupAccounts, lookupUsers, parseRows, uniq } from './resolve-refs.js';

/** Upserts deals by external id, with their history (created, closed, won or lost) and contact roles. */
export const writeOpportunityRows: ChunkWriter = async (tx, rows, env) => {
  const { good, errors } = parseRows(rows, OpportunityRow, env.customFields, 'opportunity');
  const users = await lookupUsers(tx, uniq(good.map((g) => g.data.ownerEmail)), uniq(good.map((g) => g.data.ownerExternalId)));
  const accounts = await lookupAccounts(tx, uniq(good.map((g) => g.data.accountExternalId)), uniq(good.map((g) => g.data.accountDomain)));
  const emails = uniq(good.flatMap((g) => g.data.contactEmails ?? []));
  const people = new Map<string, string>();
  if (emails.length) {
    const r = await tx.execute<{ id: string; email: string }>(sql`select id, email from people where email = any(${`{${emails.map((e) => `"${e}"`).join(',')}}`}::text[])`);
    for (const p of r.rows) people.set(p.email, p.id);
  }
  const existing = new Map<string, string>();
  const ext = uniq(good.map((g) => g.data.externalId));
  if (ext.length) {
    const r = await tx.execute<{ id: string; external_id: string }>(sql`select id, external_id from opportunities where external_id = any(${`{${ext.map((e) => `"${e.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[])`);
    for (const o of r.rows) existing.set(o.external_id, o.id);
  }
  const now = env.ctx.clock.now();
  const seen = new Set<string>();
  const records = good.flatMap(({ row, data, custom }) => {
    const fail = (field: string, message: string): [] => { errors.push({ rowNumber: row.rowNumber, field, code: 'invalid_value', message }); return []; };
    if (seen.has(data.externalId)) return fail('externalId', 'appears earlier in this file');
    const accountId = data.accountExternalId ? accounts.byExternal.get(data.accountExternalId) : accounts.byDomain.get(data.accountDomain!);
    if (!accountId) return fail(data.accountExternalId ? 'accountExternalId' : 'accountDomain', 'no such account; import the accounts first');
    const ownerId = data.ownerEmail ? users.byEmail.get(data.ownerEmail) : data.ownerExternalId ? users.byExternal.get(data.ownerExternalId) : undefined;
    if ((data.ownerEmail || data.ownerExternalId) && !ownerId) return fail('ownerEmail', 'no Truce user with this e-mail or id');
    const missing = (data.contactEmails ?? []).filter((e) => !people.has(e));
    if (missing.length) return fail('contactEmails', `no person with e-mail ${missing.join(', ')}; import the people first`);
    const isWon = data.outcome ?? (data.stage === 'closed_won' ? true : data.stage === 'closed_lost' ? false : null);
    const stage = data.stage ?? (isWon === true ? 'closed_won' : isWon === false ? 'closed_lost' : 'discovery');
    if ((stage === 'closed_won' && isWon === false) || (stage === 'closed_lost' && isWon === true)) return fail('outcome', `contradicts the stage ${stage}`);
    const closedAt = isWon === null ? null : data.closedAt ?? (data.closeDate ? `${data.closeDate}T00:00:00.000Z` : null);
    if (isWon !== null && !closedAt) return fail('closedAt', 'a won or lost deal needs closedAt or closeDate');
    seen.add(data.externalId);
    return [{
      id: existing.get(data.externalId) ?? randomUUID(), external_id: data.externalId, account_id: accountId, name: data.name,
      amount: data.amount ?? 0, currency: data.currency ?? 'USD', stage, owner_id: ownerId ?? null,
      created_at: data.createdAt ?? now.toISOString(), close_date: data.closeDate ?? null, closed_at: closedAt, is_won: isWon,
      lost_reason: data.lostReason ?? null, custom,
      contacts: (data.contactEmails ?? []).map((e) => ({ person_id: people.get(e)!, role: data.contactRole ?? 'influencer' })),
    }];
  });
  if (records.length === 0) return { ok: 0, errors };
  await tx.execute(sql`
    insert into opportunities as o (id, external_id, account_id, name, amount, currency, stage, owner_id, created_at, close_date, closed_at, is_won, lost_reason, custom, updated_at)
    select id, external_id, account_id, name, amount, currency, stage, owner_id, created_at, close_date, closed_at, is_won, lost_reason, coalesce(custom, '{}'), ${now.toISOString()}::timestamptz
    from json_to_recordset(${JSON.stringify(records)}::json) as r(id uuid, external_id text, account_id uuid, name text, amount numeric, currency text,
      stage text, owner_id uuid, created_at timestamptz, close_date date, closed_at timestamptz, is_won boolean, lost_reason text, custom jsonb)
    on conflict (id) do update set account_id = excluded.account_id, name = excluded.name, amount = excluded.amount, currency = excluded.currency,
      stage = excluded.stage, owner_id = coalesce(excluded.owner_id, o.owner_id), created_at = excluded.created_at, close_date = excluded.close_date,
      closed_at = excluded.closed_at, is_won = excluded.is_won, lost_reason = excluded.lost_reason, custom = o.custom || excluded.custom,
      updated_at = excluded.updated_at`);
  const contacts = records.flatMap((r) => r.contacts.map((c) => ({ opportunity_id: r.id, ...c })));
  if (contacts.length) {
    await tx.execute(sql`insert into opportunity_contacts (opportunity_id, person_id, role)
      select opportunity_id, person_id, role from json_to_recordset(${JSON.stringify(contacts)}::json) as r(opportunity_id uuid, person_id uuid, role text)
      on conflict (opportunity_id, person_id) do update set role = excluded.role`);
  }
  return { ok: records.length, errors };
};
