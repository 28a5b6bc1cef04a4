import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { ChunkWriter } from './import-types.js';
import { OpportunityRow } from './import-rows.js';
import { lookupAccounts, lookupUsers, parseRows, pgArray, uniq } from './resolve-refs.js';

const COLUMNS = sql.raw(`id uuid, external_id text, account_id uuid, name text, amount numeric, currency text, stage text, owner_id uuid,
  created_at timestamptz, close_date date, set_close boolean, closed_at timestamptz, is_won boolean, lost_reason text, custom jsonb`);

/**
 * Upserts deals by external id, with their history (created, closed, won or lost) and contact
 * roles. An empty cell never erases: a re-import without a stage keeps the deal's stage.
 */
export const writeOpportunityRows: ChunkWriter = async (tx, rows, env) => {
  const { good, errors } = parseRows(rows, OpportunityRow, env.customFields, 'opportunity');
  const users = await lookupUsers(tx, uniq(good.map((g) => g.data.ownerEmail)), uniq(good.map((g) => g.data.ownerExternalId)));
  const accounts = await lookupAccounts(tx, uniq(good.map((g) => g.data.accountExternalId)), uniq(good.map((g) => g.data.accountDomain)));
  const emails = uniq(good.flatMap((g) => g.data.contactEmails ?? []));
  const people = new Map<string, string>();
  if (emails.length) {
    const r = await tx.execute<{ id: string; email: string }>(sql`select id, email from people where email = any(${pgArray(emails)}::text[])`);
    for (const p of r.rows) people.set(p.email, p.id);
  }
  const existing = new Map<string, string>();
  const ext = uniq(good.map((g) => g.data.externalId));
  if (ext.length) {
    const r = await tx.execute<{ id: string; external_id: string }>(sql`select id, external_id from opportunities where external_id = any(${pgArray(ext)}::text[])`);
    for (const o of r.rows) existing.set(o.external_id, o.id);
  }
  const seen = new Set<string>();
  const records = good.flatMap(({ row, data, custom }) => {
    const fail = (field: string, message: string, code = 'invalid_value'): [] => { errors.push({ rowNumber: row.rowNumber, field, code, message }); return []; };
    if (seen.has(data.externalId)) return fail('externalId', 'this external id is on an earlier row of the file too', 'duplicate');
    const accountId = data.accountExternalId ? accounts.byExternal.get(data.accountExternalId) : accounts.byDomain.get(data.accountDomain!);
    if (!accountId) return fail(data.accountExternalId ? 'accountExternalId' : 'accountDomain', 'no such account; import the accounts first', 'unknown_reference');
    const ownerId = data.ownerEmail ? users.byEmail.get(data.ownerEmail) : data.ownerExternalId ? users.byExternal.get(data.ownerExternalId) : undefined;
    if ((data.ownerEmail || data.ownerExternalId) && !ownerId) return fail(data.ownerEmail ? 'ownerEmail' : 'ownerExternalId', 'no Truce user with this e-mail or id', 'unknown_reference');
    const missing = (data.contactEmails ?? []).filter((e) => !people.has(e));
    if (missing.length) return fail('contactEmails', `no person with e-mail ${missing.join(', ')}; import the people first`, 'unknown_reference');
    const isWon = data.outcome ?? (data.stage === 'closed_won' ? true : data.stage === 'closed_lost' ? false : null);
    const stage = data.stage ?? (isWon === true ? 'closed_won' : isWon === false ? 'closed_lost' : null);
    if ((stage === 'closed_won' && isWon === false) || (stage === 'closed_lost' && isWon === true)) return fail('outcome', `contradicts the stage ${stage}`);
    const closedAt = isWon === null ? null : data.closedAt ?? (data.closeDate ? `${data.closeDate}T00:00:00.000Z` : null);
    if (isWon !== null && !closedAt) return fail('closedAt', 'a won or lost deal needs the date it closed (closedAt or closeDate)');
    seen.add(data.externalId);
    return [{
      id: existing.get(data.externalId) ?? randomUUID(), isNew: !existing.has(data.externalId), external_id: data.externalId, account_id: accountId,
      name: data.name, amount: data.amount ?? null, currency: data.currency ?? null, stage, owner_id: ownerId ?? null,
      created_at: data.createdAt ?? null, close_date: data.closeDate ?? null, set_close: stage !== null, closed_at: closedAt, is_won: isWon,
      lost_reason: data.lostReason ?? null, custom,
      contacts: (data.contactEmails ?? []).map((e) => ({ person_id: people.get(e)!, role: data.contactRole ?? 'influencer' })),
    }];
  });
  if (records.length === 0) return { ok: 0, errors };
  const now = env.ctx.clock.now().toISOString();
  const fresh = records.filter((r) => r.isNew);
  const known = records.filter((r) => !r.isNew);
  if (fresh.length) {
    await tx.execute(sql`
      insert into opportunities (id, external_id, account_id, name, amount, currency, stage, owner_id, created_at, close_date, closed_at, is_won, lost_reason, custom, updated_at)
      select id, external_id, account_id, name, coalesce(amount, 0), coalesce(currency, 'USD'), coalesce(stage, 'discovery'), owner_id,
        coalesce(created_at, ${now}::timestamptz), close_date, closed_at, is_won, lost_reason, coalesce(custom, '{}'), ${now}::timestamptz
      from json_to_recordset(${JSON.stringify(fresh)}::json) as r(${COLUMNS})`);
  }
  if (known.length) {
    await tx.execute(sql`
      update opportunities o set account_id = r.account_id, name = r.name, amount = coalesce(r.amount, o.amount), currency = coalesce(r.currency, o.currency),
        stage = case when r.set_close then r.stage else o.stage end, is_won = case when r.set_close then r.is_won else o.is_won end,
        closed_at = case when r.set_close then r.closed_at else o.closed_at end,
        owner_id = coalesce(r.owner_id, o.owner_id), created_at = coalesce(r.created_at, o.created_at), close_date = coalesce(r.close_date, o.close_date),
        lost_reason = coalesce(r.lost_reason, o.lost_reason), custom = o.custom || coalesce(r.custom, '{}'), updated_at = ${now}::timestamptz
      from json_to_recordset(${JSON.stringify(known)}::json) as r(${COLUMNS})
      where o.id = r.id`);
  }
  const contacts = records.flatMap((r) => r.contacts.map((c) => ({ opportunity_id: r.id, ...c })));
  if (contacts.length) {
    await tx.execute(sql`insert into opportunity_contacts (opportunity_id, person_id, role)
      select opportunity_id, person_id, role from json_to_recordset(${JSON.stringify(contacts)}::json) as r(opportunity_id uuid, person_id uuid, role text)
      on conflict (opportunity_id, person_id) do update set role = excluded.role`);
  }
  return { ok: records.length, errors };
};
