import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { TDb } from '@/db/client';
import { memberships, users } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import { hashPassword } from '@/lib/auth/credentials';
import { requireTenantAccess, type TActor } from '@/lib/auth/permissions';
import { ROLES } from '@/lib/domain/types';
import { AppError } from '@/lib/errors';

export const ZGrantRole = z.object({
  tenantId: z.string().uuid(),
  email: z.string().trim().toLowerCase().email('Enter an email address'),
  name: z.string().trim().max(120).optional(),
  role: z.enum(ROLES),
  /** Only for a new user; existing users keep their password. At least 12 characters. */
  password: z
    .string()
    .min(12, 'Passwords need at least 12 characters')
    .max(200)
    .optional()
    .or(z.literal('').transform(() => undefined)),
});

/** Grants a role in a tenant, creating the user on first grant (with a password, or for OIDC only). */
export async function grantRole(db: TDb, actor: TActor, input: z.infer<typeof ZGrantRole>) {
  requireTenantAccess(actor, input.tenantId, 'user:admin');
  return db.transaction(async (tx) => {
    let [user] = await tx.select().from(users).where(eq(users.email, input.email));
    if (!user) {
      [user] = await tx
        .insert(users)
        .values({ email: input.email, name: input.name || input.email, passwordHash: input.password ? await hashPassword(input.password) : null })
        .returning();
      await writeAudit(tx, actor, {
        tenantId: input.tenantId,
        action: 'user.create',
        targetType: 'user',
        targetId: user.id,
        after: { email: user.email, hasPassword: !!input.password },
      });
    }
    const [has] = await tx
      .select()
      .from(memberships)
      .where(and(eq(memberships.userId, user.id), eq(memberships.tenantId, input.tenantId), eq(memberships.role, input.role)));
    if (has) throw new AppError('CONFLICT', `${input.email} already holds ${input.role} in this tenant.`);
    await tx.insert(memberships).values({ userId: user.id, tenantId: input.tenantId, role: input.role });
    await writeAudit(tx, actor, { tenantId: input.tenantId, action: 'membership.grant', targetType: 'user', targetId: user.id, after: { role: input.role } });
    return { userId: user.id };
  });
}

export const ZRevokeRole = z.object({ tenantId: z.string().uuid(), userId: z.string().uuid(), role: z.enum(ROLES) });

/** Revokes a role; an admin cannot remove their own admin role (so a tenant never locks itself out by accident). */
export async function revokeRole(db: TDb, actor: TActor, input: z.infer<typeof ZRevokeRole>) {
  requireTenantAccess(actor, input.tenantId, 'user:admin');
  if (actor.kind === 'user' && actor.userId === input.userId && input.role === 'admin') {
    throw new AppError('VALIDATION', 'You cannot revoke your own admin role; ask another admin.');
  }
  return db.transaction(async (tx) => {
    const deleted = await tx
      .delete(memberships)
      .where(and(eq(memberships.userId, input.userId), eq(memberships.tenantId, input.tenantId), eq(memberships.role, input.role)))
      .returning();
    if (deleted.length === 0) throw new AppError('NOT_FOUND', 'That role assignment does not exist.');
    await writeAudit(tx, actor, {
      tenantId: input.tenantId,
      action: 'membership.revoke',
      targetType: 'user',
      targetId: input.userId,
      before: { role: input.role },
    });
    return { revoked: true };
  });
}
