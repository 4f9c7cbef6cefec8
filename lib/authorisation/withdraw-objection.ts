import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { TDb } from '@/db/client';
import { autoApprovalObjections } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import { requirePermission, requireTenantAccess, type TActor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';

export const ZWithdrawObjection = z.object({ patchId: z.string().uuid(), tenantId: z.string().uuid() });

/** Lifts an objection: auto-approval rules may authorise the patch in that tenant again. */
export async function withdrawObjection(db: TDb, actor: TActor, input: z.infer<typeof ZWithdrawObjection>): Promise<{ withdrawn: true }> {
  requirePermission(actor, 'patch:authorize');
  requireTenantAccess(actor, input.tenantId, 'patch:authorize');
  return db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(autoApprovalObjections)
      .where(and(eq(autoApprovalObjections.patchId, input.patchId), eq(autoApprovalObjections.tenantId, input.tenantId)))
      .returning();
    if (!gone) throw new AppError('NOT_FOUND', 'There is no objection to withdraw.');
    await writeAudit(tx, actor, {
      tenantId: input.tenantId,
      action: 'patch.autoapproval.withdraw',
      targetType: 'patch',
      targetId: input.patchId,
      before: { reason: gone.reason, objectedBy: gone.objectedBy },
    });
    return { withdrawn: true as const };
  });
}
