import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { TDb } from '@/db/client';
import { resolverGroups } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import type { TActor } from '@/lib/auth/permissions';
import { AppError, parseInput } from '@/lib/errors';
import { requireTenantAdmin } from './admin-guard';
import { ZGroupName } from './create-resolver-group';
import { getGroupForWrite } from './load-group';

export const ZRenameResolverGroup = z.object({ tenantId: z.string().uuid(), groupId: z.string().uuid(), name: ZGroupName });

/** Renames a resolver group; names are unique within the tenant. */
export async function renameResolverGroup(db: TDb, actor: TActor, raw: z.input<typeof ZRenameResolverGroup>) {
  const input = parseInput(ZRenameResolverGroup, raw, 'The new name is invalid; nothing was changed.');
  requireTenantAdmin(actor, input.tenantId);
  return db.transaction(async (tx) => {
    const group = await getGroupForWrite(tx, input.tenantId, input.groupId);
    if (group.name === input.name) return { id: group.id, changed: false };
    const [dup] = await tx
      .select({ id: resolverGroups.id })
      .from(resolverGroups)
      .where(and(eq(resolverGroups.tenantId, input.tenantId), eq(resolverGroups.name, input.name), ne(resolverGroups.id, group.id)));
    if (dup) throw new AppError('CONFLICT', `A group named "${input.name}" already exists in this tenant.`, [{ field: 'name', message: 'Name already used' }]);
    await tx.update(resolverGroups).set({ name: input.name }).where(eq(resolverGroups.id, group.id));
    await writeAudit(tx, actor, {
      tenantId: input.tenantId,
      action: 'resolver_group.rename',
      targetType: 'resolver_group',
      targetId: group.id,
      before: { name: group.name },
      after: { name: input.name },
    });
    return { id: group.id, changed: true };
  });
}
