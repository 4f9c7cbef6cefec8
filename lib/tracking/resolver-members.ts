import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { TDb } from '@/db/client';
import { resolverGroupMembers } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import type { TActor } from '@/lib/auth/permissions';
import { AppError, parseInput } from '@/lib/errors';
import { requireTenantAdmin, requireTenantMember } from './admin-guard';
import { getGroupForWrite } from './load-group';

export const ZResolverMember = z.object({ tenantId: z.string().uuid(), groupId: z.string().uuid(), userId: z.string().uuid('Choose a user.') });
export type TResolverMember = z.input<typeof ZResolverMember>;

/** Adds a user holding a role in the tenant to a resolver group. */
export async function addResolverMember(db: TDb, actor: TActor, raw: TResolverMember) {
  const input = parseInput(ZResolverMember, raw, 'The member is invalid; nothing was changed.');
  requireTenantAdmin(actor, input.tenantId);
  return db.transaction(async (tx) => {
    const group = await getGroupForWrite(tx, input.tenantId, input.groupId);
    const user = await requireTenantMember(tx, input.tenantId, input.userId);
    const [has] = await tx
      .select()
      .from(resolverGroupMembers)
      .where(and(eq(resolverGroupMembers.groupId, group.id), eq(resolverGroupMembers.userId, user.id)));
    if (has) throw new AppError('CONFLICT', `${user.name} is already in ${group.name}.`);
    await tx.insert(resolverGroupMembers).values({ groupId: group.id, tenantId: input.tenantId, userId: user.id });
    await writeAudit(tx, actor, {
      tenantId: input.tenantId,
      action: 'resolver_group.member_add',
      targetType: 'resolver_group',
      targetId: group.id,
      after: { userId: user.id },
    });
    return { added: true };
  });
}

/** Removes a member from a resolver group. */
export async function removeResolverMember(db: TDb, actor: TActor, raw: TResolverMember) {
  const input = parseInput(ZResolverMember, raw);
  requireTenantAdmin(actor, input.tenantId);
  return db.transaction(async (tx) => {
    const group = await getGroupForWrite(tx, input.tenantId, input.groupId);
    const gone = await tx
      .delete(resolverGroupMembers)
      .where(and(eq(resolverGroupMembers.groupId, group.id), eq(resolverGroupMembers.userId, input.userId)))
      .returning();
    if (gone.length === 0) throw new AppError('NOT_FOUND', 'That user is not in this group.');
    await writeAudit(tx, actor, {
      tenantId: input.tenantId,
      action: 'resolver_group.member_remove',
      targetType: 'resolver_group',
      targetId: group.id,
      before: { userId: input.userId },
    });
    return { removed: true };
  });
}
