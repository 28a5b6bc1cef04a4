import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { emailDomain } from './email-domain.js';

/**
 * Lead-to-account matching by e-mail domain. Free-mail domains never match (the list is the
 * free_mail_domains table). Returns null when nothing matches.
 */
export async function matchAccountByEmail(db: Database, email: string): Promise<string | null> {
  const domain = emailDomain(email);
  if (!domain) return null;
  const result = await db.execute<{ account_id: string }>(sql`
    select d.account_id from account_domains d
    where d.domain = ${domain} and not exists (select 1 from free_mail_domains f where f.domain = ${domain})`);
  return result.rows[0]?.account_id ?? null;
}
