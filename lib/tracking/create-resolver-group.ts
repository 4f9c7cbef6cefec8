import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { TDb } from '@/db/client';
import { applications, resolverGroupMembers, resolverGroups, trackingRecords } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import type { TActor } from '@/lib/auth/permissions';
import { AppError, parseInput } from '@/lib/errors';
import { requireTenantAdmin, requireTenantMember } from './admin-guard';

export const ZGroupName = z.string().trim().min(2, 'Give the group a name (2 characters at least).').max(120, 'The name is too long (120 characters at most).');

export const ZCreateResolverGroup = z.object({
  tenantId: z.string().uuid(),
  /** null: the group works the tenant's assets with no application. */
  applicationId: z.string().uuid().nullable(),
  name: ZGroupName,
  /** Members; empty = the application's owner. */
  memberIds: z.array(z.string().uuid()).max(100, 'At most 100 members.').default([]),
});
export type TCreateResolverGroup = z.input<typeof ZCreateResolverGroup>;

/**
 * Creates the resolver group of an application (one per application), its members holding a role in
 * the tenant, by default the application's owner. The application's open tracking records are
 * assigned to it in the same transaction.
 */
export async function createResolverGroup(db: TDb, actor: TActor, raw: TCreateResolverGroup) {
  const input = parseInput(ZCreateResolverGroup, raw, 'The resolver group is invalid; nothing was created.');
  requireTenantAdmin(actor, input.tenantId);
  return db.transaction(async (tx) => {
    let ownerId: string | null = null;
    if (input.applicationId) {
      const [app] = await tx
        .select()
        .from(applications)
        .where(and(eq(applications.id, input.applicationId), eq(applications.tenantId, input.tenantId)));
      if (!app) throw new AppError('NOT_FOUND', 'Application not found.', [{ field: 'applicationId', message: 'Unknown application' }]);
      ownerId = app.ownerId;
    }
    const [taken] = await tx
      .select({ id: resolverGroups.id, name: resolverGroups.name, applicationId: resolverGroups.applicationId })
      .from(resolverGroups)
      .where(
        and(
          eq(resolverGroups.tenantId, input.tenantId),
          sql`(${resolverGroups.name} = ${input.name} or ${resolverGroups.applicationId} is not distinct from ${input.applicationId}::uuid)`,
        ),
      );
    if (taken?.name === input.name)
      throw new AppError('CONFLICT', `A group named "${input.name}" already exists in this tenant.`, [{ field: 'name', message: 'Name already used' }]);
    if (taken)
      throw new AppError('CONFLICT', 'This application already has a resolver group: rename it or change its members.', [
        { field: 'applicationId', message: 'Already has a group' },
      ]);
    const memberIds = [...new Set(input.memberIds.length ? input.memberIds : ownerId ? [ownerId] : [])];
    for (const id of memberIds) await requireTenantMember(tx, input.tenantId, id, 'memberIds');
    const [group] = await tx.insert(resolverGroups).values({ tenantId: input.tenantId, applicationId: input.applicationId, name: input.name }).returning();
    if (memberIds.length) await tx.insert(resolverGroupMembers).values(memberIds.map((userId) => ({ groupId: group.id, tenantId: input.tenantId, userId })));
    const assigned = await tx
      .update(trackingRecords)
      .set({ resolverGroupId: group.id, updatedAt: new Date(), version: sql`${trackingRecords.version} + 1` })
      .where(
        and(
          eq(trackingRecords.tenantId, input.tenantId),
          input.applicationId ? eq(trackingRecords.applicationId, input.applicationId) : isNull(trackingRecords.applicationId),
          ne(trackingRecords.state, 'closed'),
        ),
      )
      .returning({ id: trackingRecords.id });
    await writeAudit(tx, actor, {
      tenantId: input.tenantId,
      action: 'resolver_group.create',
      targetType: 'resolver_group',
      targetId: group.id,
      after: { name: group.name, applicationId: group.applicationId, memberIds, recordsAssigned: assigned.length },
    });
    return { id: group.id, memberIds, recordsAssigned: assigned.length };
  });
}
