import type { Ctx } from '../shared/context.js';
import { forbidden } from '../shared/errors.js';

/** The inbox is a user's own: a key or session without a user (the system) has none. */
export function ownUserId(ctx: Ctx): string {
  if (!ctx.principal.userId) throw forbidden('Only a user has an inbox; this principal acts for nobody.');
  return ctx.principal.userId;
}
