import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { TDb } from '@/db/client';
import { autoApprovalObjections, patches, users } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import { actorUserId, requirePermission, requireTenantAccess, type TActor } from '@/lib/auth/permissions';
import { AppError, parseInput } from '@/lib/errors';

export const ZObjectToAutoApproval = z.object({
  patchId: z.string().uuid(),
  tenantId: z.string({ error: 'Pick a tenant.' }).uuid('Pick a tenant.'),
  reason: z
    .string({ error: 'Say why this patch must not be approved automatically.' })
    .trim()
    .min(1, 'Say why this patch must not be approved automatically.')
    .max(4000),
});
export type TObjectToAutoApproval = z.input<typeof ZObjectToAutoApproval>;

/** A security user stops auto-approval rules from authorising a patch in a tenant until withdrawn. */
export async function objectToAutoApproval(db: TDb, actor: TActor, raw: TObjectToAutoApproval, now = new Date()): Promise<{ objected: true }> {
  requirePermission(actor, 'patch:authorize');
  const input = parseInput(ZObjectToAutoApproval, raw, 'Invalid objection.');
  requireTenantAccess(actor, input.tenantId, 'patch:authorize');
  return db.transaction(async (tx) => {
    const [patch] = await tx.select({ id: patches.id }).from(patches).where(eq(patches.id, input.patchId));
    if (!patch) throw new AppError('NOT_FOUND', 'Patch not found.');
    const [existing] = await tx
      .select({ by: users.name })
      .from(autoApprovalObjections)
      .leftJoin(users, eq(users.id, autoApprovalObjections.objectedBy))
      .where(and(eq(autoApprovalObjections.patchId, input.patchId), eq(autoApprovalObjections.tenantId, input.tenantId)));
    if (existing) throw new AppError('CONFLICT', `${existing.by ?? 'Someone'} already objected to auto-approving this patch in this tenant.`);
    await tx.insert(autoApprovalObjections).values({ ...input, objectedBy: actorUserId(actor), objectedAt: now });
    await writeAudit(
      tx,
      actor,
      { tenantId: input.tenantId, action: 'patch.autoapproval.object', targetType: 'patch', targetId: input.patchId, after: { reason: input.reason } },
      now,
    );
    return { objected: true as const };
  });
}
