import { people, stageTransitions } from '../../db/schema/index.js';
import { matchAccountByEmail } from '../capture/match-account.js';
import { assertCustomValues } from '../custom-fields/check-custom-values.js';
import { listCustomFields } from '../custom-fields/list-custom-fields.js';
import { recordAudit } from '../shared/audit.js';
import { actorLabel, type Ctx } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';
import type { CreatePersonInput, Person } from './person.schema.js';
import { authorize } from '../identity/access/authorize.js';
import { assertOwnerInScope, defaultOwner } from '../identity/access/owner-scope.js';

export async function createPerson(ctx: Ctx, input: CreatePersonInput): Promise<Person> {
  authorize(ctx, 'people:write');
  const custom = input.custom ? assertCustomValues(await listCustomFields(ctx.db, 'person'), input.custom) : {};
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const accountId = input.accountId !== undefined ? input.accountId : await matchAccountByEmail(tx, input.email);
    const stage = input.lifecycleStage ?? 'lead';
    const [row] = await tx.insert(people)
      .values({ ...input, ownerId: assertOwnerInScope(ctx, input.ownerId !== undefined ? input.ownerId : defaultOwner(ctx, null)), custom, accountId, lifecycleStage: stage, consentAt: input.consentStatus ? now : null, createdAt: now, updatedAt: now })
      .onConflictDoNothing({ target: people.email })
      .returning();
    if (!row) throw new DomainError('conflict', `A person with e-mail ${input.email} already exists.`, [{ path: 'email', message: 'already exists' }]);
    await tx.insert(stageTransitions).values({
      personId: row.id, fromStage: null, toStage: stage, occurredAt: now,
      actorType: ctx.actor.type, actorId: ctx.actor.id, reason: `created by ${actorLabel(ctx.actor)}`,
    });
    await recordAudit(tx, ctx.actor, now, [{ entity: 'person', entityId: row.id, action: 'create', after: row }]);
    return row;
  });
}
