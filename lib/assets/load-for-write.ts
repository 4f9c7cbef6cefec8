import { and, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { TDb } from '@/db/client';
import { applications, assets } from '@/db/schema';
import { tenantsWith, type TActor, type TPermission } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { canTouchAsset } from './asset-access';

/**
 * Loads assets for a write, locked FOR UPDATE, and checks the actor may touch every one of them.
 * Assets outside the actor's readable tenants are NOT_FOUND; readable but not writable is FORBIDDEN.
 */
export async function loadAssetsForWrite(tx: TDb, actor: TActor, permission: TPermission, ids: string[]) {
  const readable = tenantsWith(actor, 'asset:read');
  if (ids.some((id) => !z.string().uuid().safeParse(id).success) || readable.length === 0) throw new AppError('NOT_FOUND', 'Asset not found.');
  const rows = await tx
    .select({ asset: assets, applicationOwnerId: applications.ownerId })
    .from(assets)
    .leftJoin(applications, eq(applications.id, assets.applicationId))
    .where(and(inArray(assets.id, ids), inArray(assets.tenantId, readable)))
    .for('update', { of: assets });
  if (rows.length !== new Set(ids).size) throw new AppError('NOT_FOUND', 'Asset not found.');
  for (const r of rows) {
    if (!canTouchAsset(actor, permission, { tenantId: r.asset.tenantId, applicationOwnerId: r.applicationOwnerId })) {
      throw new AppError('FORBIDDEN', `You may not change ${r.asset.name}: it belongs to an application you do not own, or your role does not allow it.`);
    }
  }
  return rows;
}
