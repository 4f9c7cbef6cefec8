import { and, eq } from 'drizzle-orm';
import type { TDb } from '@/db/client';
import { resolverGroups } from '@/db/schema';
import { AppError } from '@/lib/errors';

/** A resolver group of the tenant, locked for the transaction; another tenant's group is not found. */
export async function getGroupForWrite(tx: TDb, tenantId: string, groupId: string) {
  const [group] = await tx
    .select()
    .from(resolverGroups)
    .where(and(eq(resolverGroups.id, groupId), eq(resolverGroups.tenantId, tenantId)))
    .for('update');
  if (!group) throw new AppError('NOT_FOUND', 'Resolver group not found.');
  return group;
}
