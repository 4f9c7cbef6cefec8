import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { TDb } from '@/db/client';
import { applications, assets, rings, tenants } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import { requirePermission, type TActor, tenantsWith } from '@/lib/auth/permissions';
import { ASSET_KINDS, CRITICALITY_TIERS, LIFECYCLE_STATES, OS_FAMILIES } from '@/lib/domain/types';
import { isIanaZone } from '@/lib/domain/zones';
import { AppError, parseInput } from '@/lib/errors';
import { canTouchAsset } from './asset-access';

export const ZCreateAsset = z.object({
  tenant: z.string().trim().min(1, 'Tenant is required').max(60),
  name: z
    .string()
    .trim()
    .min(1, 'Name is required')
    .max(120)
    .regex(/^[\w.\-]+$/, 'Use letters, digits, dot, dash or underscore'),
  kind: z.enum(ASSET_KINDS),
  ring: z.string().trim().min(1).max(60),
  zone: z.string().trim().refine(isIanaZone, 'Unknown time zone: use an IANA name such as Europe/Berlin'),
  osFamily: z.enum(OS_FAMILIES),
  osRelease: z.string().trim().min(1).max(40),
  application: z.string().trim().max(60).optional(),
  criticality: z.enum(CRITICALITY_TIERS).default('tier2'),
  lifecycle: z.enum(LIFECYCLE_STATES).default('provisioning'),
  cluster: z.string().trim().max(60).optional(),
  imageVersion: z.string().trim().max(60).optional(),
  tags: z.array(z.string().trim().min(1).max(40)).max(30).default([]),
});
export type TCreateAsset = z.input<typeof ZCreateAsset>;

/** Registers an asset in a tenant (by slug); names are unique per tenant. */
export async function createAsset(db: TDb, actor: TActor, raw: TCreateAsset) {
  const input = parseInput(ZCreateAsset, raw, 'Invalid asset.');
  return db.transaction(async (tx) => {
    const [tenant] = await tx.select().from(tenants).where(eq(tenants.slug, input.tenant));
    // An unknown tenant and a tenant the actor cannot see read the same: no existence leak.
    if (!tenant || !tenantsWith(actor, 'asset:read').includes(tenant.id))
      throw new AppError('NOT_FOUND', `Unknown tenant "${input.tenant}".`, [{ field: 'tenant', message: 'Unknown tenant' }]);
    requirePermission(actor, 'asset:write', tenant.id);
    const [ring] = await tx
      .select()
      .from(rings)
      .where(and(eq(rings.tenantId, tenant.id), eq(rings.name, input.ring)));
    if (!ring) throw new AppError('VALIDATION', `Ring "${input.ring}" does not exist in ${tenant.name}.`, [{ field: 'ring', message: 'Unknown ring' }]);
    let app: typeof applications.$inferSelect | undefined;
    if (input.application) {
      [app] = await tx
        .select()
        .from(applications)
        .where(and(eq(applications.tenantId, tenant.id), eq(applications.slug, input.application)));
      if (!app)
        throw new AppError('VALIDATION', `Application "${input.application}" does not exist in ${tenant.name}.`, [
          { field: 'application', message: 'Unknown application' },
        ]);
    }
    if (!canTouchAsset(actor, 'asset:write', { tenantId: tenant.id, applicationOwnerId: app?.ownerId ?? null })) {
      throw new AppError('FORBIDDEN', 'You may only register assets for applications you own.');
    }
    const [dup] = await tx
      .select({ id: assets.id })
      .from(assets)
      .where(and(eq(assets.tenantId, tenant.id), eq(assets.name, input.name)));
    if (dup)
      throw new AppError('CONFLICT', `An asset named ${input.name} already exists in ${tenant.name}.`, [{ field: 'name', message: 'Name already used' }]);
    const [row] = await tx
      .insert(assets)
      .values({
        tenantId: tenant.id,
        applicationId: app?.id ?? null,
        name: input.name,
        kind: input.kind,
        ringId: ring.id,
        zone: input.zone,
        osFamily: input.osFamily,
        osRelease: input.osRelease,
        criticality: input.criticality,
        lifecycle: input.lifecycle,
        cluster: input.kind === 'host' ? (input.cluster ?? null) : null,
        imageVersion: input.kind === 'image' ? (input.imageVersion ?? null) : null,
        tags: input.tags,
      })
      .returning();
    await writeAudit(tx, actor, { tenantId: tenant.id, action: 'asset.create', targetType: 'asset', targetId: row.id, after: { ...input } });
    return row;
  });
}
