import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { accountDomains, freeMailDomains } from '../../db/schema/index.js';
import { DomainError } from '../shared/errors.js';

/** Replaces an account's domains. A domain belongs to one account; free-mail domains never do. */
export async function setAccountDomains(tx: Database, accountId: string, domains: string[]): Promise<void> {
  const unique = [...new Set(domains)];
  if (unique.length > 0) {
    const free = await tx.select().from(freeMailDomains).where(inArray(freeMailDomains.domain, unique));
    if (free.length > 0) {
      throw new DomainError('validation_failed', `${free.map((f) => f.domain).join(', ')} is a free-mail domain and cannot identify an account.`,
        free.map((f) => ({ path: `domains.${unique.indexOf(f.domain)}`, message: 'free-mail domain' })));
    }
    const taken = await tx.select().from(accountDomains)
      .where(and(inArray(accountDomains.domain, unique), ne(accountDomains.accountId, accountId)));
    if (taken.length > 0) {
      throw new DomainError('conflict', `${taken.map((t) => t.domain).join(', ')} already belongs to another account.`,
        taken.map((t) => ({ path: `domains.${unique.indexOf(t.domain)}`, message: `belongs to account ${t.accountId}` })));
    }
  }
  await tx.delete(accountDomains).where(eq(accountDomains.accountId, accountId));
  if (unique.length > 0) await tx.insert(accountDomains).values(unique.map((domain) => ({ domain, accountId })));
}
