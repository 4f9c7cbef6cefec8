import { and, eq } from 'drizzle-orm';
import type { TDb } from '@/db/client';
import { memberships, users } from '@/db/schema';
import { requireTenantAccess, type TActor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';

/** Resolver groups, the CAB and contacts are a tenant admin's: another tenant is not found, another role forbidden. */
export function requireTenantAdmin(actor: TActor, tenantId: string): void {
  requireTenantAccess(actor, tenantId, 'tenant:admin');
}

/**
 * A user named as a group member, CAB member or contact must hold a role in the tenant; otherwise
 * the answer is the same whether the user exists elsewhere or not (no user directory leaks).
 */
export async function requireTenantMember(tx: TDb, tenantId: string, userId: string, field = 'userId'): Promise<{ id: string; name: string; email: string }> {
  const [row] = await tx
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.tenantId, tenantId)))
    .where(eq(users.id, userId))
    .limit(1);
  if (!row) throw new AppError('VALIDATION', 'That user holds no role in this tenant.', [{ field, message: 'Not a member of this tenant' }]);
  return row;
}
