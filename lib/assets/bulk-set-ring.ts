import { eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { TDb } from '@/db/client';
import { assets, rings } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import { requirePermission, type TActor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { loadAssetsForWrite } from './load-for-write';

export const ZBulkSetRing = z.object({
  assetIds: z.array(z.string().uuid()).min(1, 'Select at least one asset').max(1000, 'At most 1000 assets at once'),
  ring: z.string().trim().min(1).max(60),
});

/**
 * Moves many assets to the ring of that name in their own tenant (rings are per tenant).
 * All or nothing: one asset the actor may not touch, or a tenant without that ring, refuses the whole batch.
 */
export async function bulkSetRing(db: TDb, actor: TActor, input: z.infer<typeof ZBulkSetRing>) {
  requirePermission(actor, 'asset:bulk');
  return db.transaction(async (tx) => {
    const rows = await loadAssetsForWrite(tx, actor, 'asset:bulk', input.assetIds);
    const tenantIds = [...new Set(rows.map((r) => r.asset.tenantId))];
    const ringRows = await tx.select().from(rings).where(inArray(rings.tenantId, tenantIds));
    const ringFor = new Map(ringRows.filter((r) => r.name === input.ring).map((r) => [r.tenantId, r]));
    const missing = tenantIds.filter((t) => !ringFor.has(t));
    if (missing.length) throw new AppError('VALIDATION', `Ring "${input.ring}" does not exist in every selected asset's tenant.`);
    let moved = 0;
    for (const { asset } of rows) {
      const ring = ringFor.get(asset.tenantId)!;
      if (ring.id === asset.ringId) continue;
      await tx.update(assets).set({ ringId: ring.id, updatedAt: new Date() }).where(eq(assets.id, asset.id));
      const from = ringRows.find((r) => r.id === asset.ringId)?.name ?? asset.ringId;
      await writeAudit(tx, actor, {
        tenantId: asset.tenantId,
        action: 'asset.ring.bulk',
        targetType: 'asset',
        targetId: asset.id,
        before: { ring: from },
        after: { ring: ring.name },
      });
      moved++;
    }
    return { moved, unchanged: rows.length - moved };
  });
}
