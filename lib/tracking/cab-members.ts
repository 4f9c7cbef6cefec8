import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { TDb } from '@/db/client';
import { cabMembers } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import type { TActor } from '@/lib/auth/permissions';
import { AppError, parseInput } from '@/lib/errors';
import { requireTenantAdmin, requireTenantMember } from './admin-guard';

export const ZCabMember = z.object({ tenantId: z.string().uuid(), userId: z.string().uuid('Choose a user.') });
export type TCabMember = z.input<typeof ZCabMember>;

/** Names a user holding a role in the tenant to its change advisory board. */
export async function addCabMember(db: TDb, actor: TActor, raw: TCabMember) {
  const input = parseInput(ZCabMember, raw, 'The CAB member is invalid; nothing was changed.');
  requireTenantAdmin(actor, input.tenantId);
  return db.transaction(async (tx) => {
    const user = await requireTenantMember(tx, input.tenantId, input.userId);
    const [has] = await tx
      .select()
      .from(cabMembers)
      .where(and(eq(cabMembers.tenantId, input.tenantId), eq(cabMembers.userId, user.id)));
    if (has) throw new AppError('CONFLICT', `${user.name} is already on the CAB.`);
    await tx.insert(cabMembers).values({ tenantId: input.tenantId, userId: user.id });
    await writeAudit(tx, actor, { tenantId: input.tenantId, action: 'cab.member_add', targetType: 'user', targetId: user.id });
    return { added: true };
  });
}

/** Takes a user off the tenant's CAB. */
export async function removeCabMember(db: TDb, actor: TActor, raw: TCabMember) {
  const input = parseInput(ZCabMember, raw);
  requireTenantAdmin(actor, input.tenantId);
  return db.transaction(async (tx) => {
    const gone = await tx
      .delete(cabMembers)
      .where(and(eq(cabMembers.tenantId, input.tenantId), eq(cabMembers.userId, input.userId)))
      .returning();
    if (gone.length === 0) throw new AppError('NOT_FOUND', 'That user is not on the CAB.');
    await writeAudit(tx, actor, { tenantId: input.tenantId, action: 'cab.member_remove', targetType: 'user', targetId: input.userId });
    return { removed: true };
  });
}
