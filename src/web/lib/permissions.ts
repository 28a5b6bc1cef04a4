/**
 * The role table the server enforces (src/domain/identity/access/permissions.ts), bundled as is
 * so the web app shows exactly the actions the API will accept. Hiding is a courtesy; the domain
 * decides.
 */
import { useSession } from '../api/session';
import { can, type Permission } from '../../domain/identity/access/permissions';

export type { Permission };

/** Whether the signed-in user's role has a permission (false while the session loads). */
export function useCan(): (permission: Permission) => boolean {
  const role = useSession().data?.role;
  return (permission) => !!role && can(role, permission);
}
