import type { Ctx } from '../../shared/context.js';
import { forbidden } from '../../shared/errors.js';
import { can, type Permission } from './permissions.js';

/** Throws 403 `forbidden` (and logs the refusal) unless the principal's role has the permission. */
export function authorize(ctx: Ctx, permission: Permission): void {
  if (can(ctx.principal.role, permission)) return;
  ctx.log.warn({ userId: ctx.principal.userId, role: ctx.principal.role, permission }, 'refused: role lacks permission');
  throw forbidden(`The ${ctx.principal.role} role may not ${permission.replace(':', ' ')}.`);
}
