import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { TDb } from '@/db/client';
import { resolverGroupMembers, resolverGroups, trackingRecords } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import type { TActor } from '@/lib/auth/permissions';
import { parseInput } from '@/lib/errors';
import { requireTenantAdmin } from './admin-guard';
import { getGroupForWrite } from './load-group';

export const ZDeleteResolverGroup = z.object({ tenantId: z.string().uuid(), groupId: z.string().uuid() });

/**
 * Deletes a resolver group and its memberships. Its records (closed ones too: the foreign key) lose
 * the group and fall back to the application's owner, in the same transaction.
 */
export async function deleteResolverGroup(db: TDb, actor: TActor, raw: z.input<typeof ZDeleteResolverGroup>) {
  const input = parseInput(ZDeleteResolverGroup, raw);
  requireTenantAdmin(actor, input.tenantId);
  return db.transaction(async (tx) => {
    const group = await getGroupForWrite(tx, input.tenantId, input.groupId);
    const members = await tx.select({ userId: resolverGroupMembers.userId }).from(resolverGroupMembers).where(eq(resolverGroupMembers.groupId, group.id));
    const released = await tx
      .update(trackingRecords)
      .set({ resolverGroupId: null, updatedAt: new Date(), version: sql`${trackingRecords.version} + 1` })
      .where(eq(trackingRecords.resolverGroupId, group.id))
      .returning({ id: trackingRecords.id });
    await tx.delete(resolverGroups).where(eq(resolverGroups.id, group.id));
    await writeAudit(tx, actor, {
      tenantId: input.tenantId,
      action: 'resolver_group.delete',
      targetType: 'resolver_group',
      targetId: group.id,
      before: { name: group.name, applicationId: group.applicationId, memberIds: members.map((m) => m.userId) },
      after: { recordsReleased: released.length },
    });
    return { deleted: true, recordsReleased: released.length };
  });
}
