import { can, requirePermission, type TActor, type TPermission } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';

/**
 * A tenant the actor is no member of reads as NOT_FOUND (no existence leak); a member without the
 * permission gets FORBIDDEN. Every scheduling use-case and query starts here.
 */
export function requireTenantPermission(actor: TActor, tenantId: string, permission: TPermission): void {
  if (!can(actor, 'schedule:read', tenantId)) throw new AppError('NOT_FOUND', 'Tenant not found.');
  requirePermission(actor, permission, tenantId);
}
