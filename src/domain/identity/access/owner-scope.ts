import type { Ctx } from '../../shared/context.js';
import { DomainError } from '../../shared/errors.js';
import { isScoped } from './permissions.js';

/**
 * A scoped seller can only give a record to themselves or their team (a rep cannot hand a deal
 * to another rep's book); other roles may name any owner. Returns the owner unchanged.
 */
export function assertOwnerInScope(ctx: Ctx, ownerId: string | null): string | null {
  const p = ctx.principal;
  if (!isScoped(p.role) || ownerId === null || p.teamUserIds.includes(ownerId)) return ownerId;
  ctx.log.warn({ userId: p.userId, ownerId }, 'refused: owner outside the principal\'s team');
  throw new DomainError('forbidden', 'You can only assign records to yourself or your team.', [{ path: 'ownerId', message: 'not you or your team' }]);
}

/** The owner a new record gets when none is named: the account's owner if it is in scope, else the seller. */
export function defaultOwner(ctx: Ctx, accountOwnerId: string | null): string | null {
  const p = ctx.principal;
  if (!isScoped(p.role)) return accountOwnerId;
  return accountOwnerId && p.teamUserIds.includes(accountOwnerId) ? accountOwnerId : p.userId;
}
