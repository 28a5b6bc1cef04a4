import { eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { opportunityContacts, people } from '../../db/schema/index.js';
import type { BuyingRole } from '../../db/schema/vocabulary.js';
import { DomainError } from '../shared/errors.js';

/** Replaces the contact roles of a deal; every person must exist. */
export async function setContactRoles(tx: Database, opportunityId: string, contacts: { personId: string; role: BuyingRole }[]): Promise<void> {
  const ids = [...new Set(contacts.map((c) => c.personId))];
  if (ids.length !== contacts.length) throw new DomainError('validation_failed', 'A person appears twice in contacts.', [{ path: 'contacts', message: 'duplicate personId' }]);
  if (ids.length > 0) {
    const found = new Set((await tx.select({ id: people.id }).from(people).where(inArray(people.id, ids))).map((r) => r.id));
    const missing = contacts.map((c, i) => ({ c, i })).filter(({ c }) => !found.has(c.personId));
    if (missing.length > 0) {
      throw new DomainError('validation_failed', 'Some contacts do not exist.', missing.map(({ i }) => ({ path: `contacts.${i}.personId`, message: 'no such person' })));
    }
  }
  await tx.delete(opportunityContacts).where(eq(opportunityContacts.opportunityId, opportunityId));
  if (contacts.length > 0) await tx.insert(opportunityContacts).values(contacts.map((c) => ({ opportunityId, ...c })));
}
