import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { TDb } from '@/db/client';
import { applications, assets, rings } from '@/db/schema';
import { diffFields, writeAudit } from '@/lib/audit/write-audit';
import { requirePermission, type TActor } from '@/lib/auth/permissions';
import { CRITICALITY_TIERS, LIFECYCLE_STATES } from '@/lib/domain/types';
import { isIanaZone } from '@/lib/domain/zones';
import { AppError } from '@/lib/errors';
import { notifyNewlyApplicable } from '@/lib/intake/notify';
import { relineAsset } from '@/lib/inventory/replace-software';
import { trackAfterAssessment } from '@/lib/tracking/after-assessment';
import { canTouchAsset } from './asset-access';
import { loadAssetsForWrite } from './load-for-write';

export const ZUpdateAsset = z.object({
  assetId: z.string().uuid(),
  name: z
    .string()
    .trim()
    .min(1, 'Name is required')
    .max(120)
    .regex(/^[\w.\-]+$/, 'Use letters, digits, dot, dash or underscore')
    .optional(),
  ringId: z.string().uuid().optional(),
  zone: z.string().trim().refine(isIanaZone, 'Unknown time zone: use an IANA name such as Europe/Berlin').optional(),
  criticality: z.enum(CRITICALITY_TIERS).optional(),
  lifecycle: z.enum(LIFECYCLE_STATES).optional(),
  applicationId: z.string().uuid().nullable().optional(),
  osRelease: z.string().trim().min(1).max(40).optional(),
  tags: z.array(z.string().trim().min(1).max(40)).max(30).optional(),
});
export type TUpdateAsset = z.infer<typeof ZUpdateAsset>;

/** Edits an asset's attributes; one transaction with its audit row. */
export async function updateAsset(db: TDb, actor: TActor, input: TUpdateAsset) {
  requirePermission(actor, 'asset:write');
  const out = await db.transaction(async (tx) => {
    const [{ asset }] = await loadAssetsForWrite(tx, actor, 'asset:write', [input.assetId]);
    const { assetId: _id, ...changes } = input;
    if (changes.ringId) {
      const [ring] = await tx
        .select()
        .from(rings)
        .where(and(eq(rings.id, changes.ringId), eq(rings.tenantId, asset.tenantId)));
      if (!ring) throw new AppError('VALIDATION', 'That ring does not exist in this tenant.', [{ field: 'ringId', message: 'Unknown ring' }]);
    }
    if (changes.applicationId !== undefined && changes.applicationId !== asset.applicationId) {
      let ownerId: string | null = null;
      if (changes.applicationId) {
        const [app] = await tx
          .select()
          .from(applications)
          .where(and(eq(applications.id, changes.applicationId), eq(applications.tenantId, asset.tenantId)));
        if (!app)
          throw new AppError('VALIDATION', 'That application does not exist in this tenant.', [{ field: 'applicationId', message: 'Unknown application' }]);
        ownerId = app.ownerId;
      }
      // An app owner moves an asset only between applications they own: one they do not own, or none,
      // would leave them unable to edit the asset again.
      if (!canTouchAsset(actor, 'asset:write', { tenantId: asset.tenantId, applicationOwnerId: ownerId })) {
        const message = ownerId
          ? 'You may only assign assets to applications you own.'
          : 'An application owner cannot leave an asset without an application: move it to another application you own.';
        throw new AppError('FORBIDDEN', message, [{ field: 'applicationId', message }]);
      }
    }
    if (changes.name && changes.name !== asset.name) {
      const [dup] = await tx
        .select({ id: assets.id })
        .from(assets)
        .where(and(eq(assets.tenantId, asset.tenantId), eq(assets.name, changes.name), ne(assets.id, asset.id)));
      if (dup)
        throw new AppError('CONFLICT', `An asset named ${changes.name} already exists in this tenant.`, [{ field: 'name', message: 'Name already used' }]);
    }
    const { before, after } = diffFields(asset as unknown as Record<string, unknown>, changes as Record<string, unknown>);
    if (Object.keys(after).length === 0) return { changed: false, newlyMissing: [], tracking: null };
    await tx
      .update(assets)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(assets.id, asset.id));
    // Another OS release means other advisories: its packages are matched again.
    const newlyMissing = 'osRelease' in after ? await relineAsset(tx, asset.id) : [];
    await writeAudit(tx, actor, { tenantId: asset.tenantId, action: 'asset.update', targetType: 'asset', targetId: asset.id, before, after });
    // Tracking records count an asset under its application while it is not decommissioned.
    const isTracked = 'applicationId' in after || 'lifecycle' in after || 'osRelease' in after;
    return { changed: true, newlyMissing, tracking: isTracked ? { tenantId: asset.tenantId, applicationId: asset.applicationId } : null };
  });
  await notifyNewlyApplicable(db, out.newlyMissing);
  if (out.tracking)
    await trackAfterAssessment(db, { scope: { assetIds: [input.assetId], previousApplications: [out.tracking] }, newlyMissing: out.newlyMissing });
  return { changed: out.changed };
}
