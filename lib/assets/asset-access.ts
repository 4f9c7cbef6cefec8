import { roleHas, rolesIn, type TActor, type TPermission } from '@/lib/auth/permissions';

/**
 * Object rule on top of the permission map: an app owner's `asset:write` / `inventory:import` reaches
 * only assets of applications they own; other roles holding the permission reach the whole tenant.
 */
export function canTouchAsset(actor: TActor, permission: TPermission, asset: { tenantId: string; applicationOwnerId: string | null }): boolean {
  if (actor.kind !== 'user') return false;
  const roles = rolesIn(actor, asset.tenantId).filter((r) => roleHas(r, permission));
  if (roles.some((r) => r !== 'app_owner')) return true;
  return roles.includes('app_owner') && asset.applicationOwnerId === actor.userId;
}
