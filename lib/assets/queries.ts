import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { TDb } from '@/db/client';
import { agents, applications, assets, installedSoftware, inventoryImports, rings, tenants, users } from '@/db/schema';
import { tenantsWith, type TActor } from '@/lib/auth/permissions';
import { ASSET_KINDS, LIFECYCLE_STATES, OS_FAMILIES, PACKAGE_ECOSYSTEMS } from '@/lib/domain/types';
import { AppError } from '@/lib/errors';
import { likePattern, listQuerySchema, type TPage } from '@/lib/list-query';

const ASSET_SORTS = ['name', 'tenant', 'kind', 'ring', 'zone', 'os', 'lifecycle', 'software', 'last_seen', 'application'] as const;

export const ZAssetListQuery = listQuerySchema(ASSET_SORTS, 'name').extend({
  tenant: z.string().uuid().optional().catch(undefined),
  app: z.string().uuid().optional().catch(undefined),
  ring: z.string().max(60).optional().catch(undefined),
  kind: z.enum(ASSET_KINDS).optional().catch(undefined),
  os: z.enum(OS_FAMILIES).optional().catch(undefined),
  lifecycle: z.enum(LIFECYCLE_STATES).optional().catch(undefined),
  zone: z.string().max(60).optional().catch(undefined),
});
export type TAssetListQuery = z.infer<typeof ZAssetListQuery>;

const parent = alias(assets, 'parent');

const sortColumn = {
  name: assets.name,
  tenant: tenants.name,
  kind: assets.kind,
  ring: rings.position,
  zone: assets.zone,
  os: assets.osFamily,
  lifecycle: assets.lifecycle,
  software: assets.softwareCount,
  last_seen: assets.lastSeenAt,
  application: applications.name,
} as const;

export type TAssetRow = Awaited<ReturnType<typeof findAssets>>['rows'][number];

/** Assets the actor may read, filtered, sorted and paged in SQL (indexes keep it fast at 100k). */
export async function findAssets(db: TDb, actor: TActor, query: TAssetListQuery) {
  const tenantIds = tenantsWith(actor, 'asset:read');
  if (tenantIds.length === 0) return { rows: [], total: 0, page: query.page, size: query.size };
  const where: SQL[] = [inArray(assets.tenantId, tenantIds)];
  if (query.tenant) where.push(eq(assets.tenantId, query.tenant));
  if (query.app) where.push(eq(assets.applicationId, query.app));
  if (query.ring) where.push(eq(rings.name, query.ring));
  if (query.kind) where.push(eq(assets.kind, query.kind));
  if (query.os) where.push(eq(assets.osFamily, query.os));
  if (query.lifecycle) where.push(eq(assets.lifecycle, query.lifecycle));
  if (query.zone) where.push(eq(assets.zone, query.zone));
  if (query.q) {
    const p = likePattern(query.q);
    // Name (trigram index) or an exact tag (GIN index); zone and OS have their own filters.
    where.push(or(ilike(assets.name, p), sql`${assets.tags} @> array[${query.q}]::text[]`) as SQL);
  }
  const cond = and(...where);
  const col = sortColumn[query.sort.id];
  const order = query.sort.desc ? sql`${col} desc nulls last` : sql`${col} asc nulls last`;
  const base = db
    .select({
      id: assets.id,
      name: assets.name,
      kind: assets.kind,
      tenantId: assets.tenantId,
      tenantName: tenants.name,
      applicationId: assets.applicationId,
      applicationName: applications.name,
      ring: rings.name,
      zone: assets.zone,
      osFamily: assets.osFamily,
      osRelease: assets.osRelease,
      lifecycle: assets.lifecycle,
      criticality: assets.criticality,
      softwareCount: assets.softwareCount,
      lastSeenAt: assets.lastSeenAt,
      cluster: assets.cluster,
      parentName: parent.name,
    })
    .from(assets)
    .innerJoin(tenants, eq(tenants.id, assets.tenantId))
    .innerJoin(rings, eq(rings.id, assets.ringId))
    .leftJoin(applications, eq(applications.id, assets.applicationId))
    .leftJoin(parent, eq(parent.id, assets.parentHostId));
  const [rows, [{ total }]] = await Promise.all([
    base
      .where(cond)
      .orderBy(order, asc(assets.name), asc(assets.id))
      .limit(query.size)
      .offset((query.page - 1) * query.size),
    db.select({ total: count() }).from(assets).innerJoin(rings, eq(rings.id, assets.ringId)).where(cond),
  ]);
  return { rows, total, page: query.page, size: query.size };
}

/** Filter options for the inventory page, within the actor's tenants. */
export async function assetFacets(db: TDb, actor: TActor) {
  const tenantIds = tenantsWith(actor, 'asset:read');
  if (tenantIds.length === 0) return { tenants: [], applications: [], rings: [], zones: [] };
  const [tenantRows, appRows, ringRows, zoneRows] = await Promise.all([
    db.select({ id: tenants.id, name: tenants.name, slug: tenants.slug }).from(tenants).where(inArray(tenants.id, tenantIds)).orderBy(tenants.name),
    db
      .select({ id: applications.id, name: applications.name, tenantId: applications.tenantId, ownerId: applications.ownerId })
      .from(applications)
      .where(inArray(applications.tenantId, tenantIds))
      .orderBy(applications.name),
    db.selectDistinct({ name: rings.name, position: rings.position }).from(rings).where(inArray(rings.tenantId, tenantIds)).orderBy(rings.position),
    db.selectDistinct({ zone: assets.zone }).from(assets).where(inArray(assets.tenantId, tenantIds)).orderBy(assets.zone),
  ]);
  return { tenants: tenantRows, applications: appRows, rings: [...new Set(ringRows.map((r) => r.name))], zones: zoneRows.map((z) => z.zone) };
}

/** One asset the actor may read, or NOT_FOUND (also for other tenants' assets: no existence leak). */
export async function getAsset(db: TDb, actor: TActor, id: string) {
  const tenantIds = tenantsWith(actor, 'asset:read');
  if (!z.string().uuid().safeParse(id).success || tenantIds.length === 0) throw new AppError('NOT_FOUND', 'Asset not found.');
  const image = alias(assets, 'image');
  const [row] = await db
    .select({
      asset: assets,
      tenantName: tenants.name,
      tenantSlug: tenants.slug,
      ring: rings.name,
      applicationName: applications.name,
      applicationOwnerId: applications.ownerId,
      ownerName: users.name,
      parentName: parent.name,
      imageName: image.name,
      imageVersion: image.imageVersion,
    })
    .from(assets)
    .innerJoin(tenants, eq(tenants.id, assets.tenantId))
    .innerJoin(rings, eq(rings.id, assets.ringId))
    .leftJoin(applications, eq(applications.id, assets.applicationId))
    .leftJoin(users, eq(users.id, applications.ownerId))
    .leftJoin(parent, eq(parent.id, assets.parentHostId))
    .leftJoin(image, eq(image.id, assets.sourceImageId))
    .where(and(eq(assets.id, id), inArray(assets.tenantId, tenantIds)));
  if (!row) throw new AppError('NOT_FOUND', 'Asset not found.');
  const [children, agentRows, imports, ringRows] = await Promise.all([
    db
      .select({ n: count() })
      .from(assets)
      .where(or(eq(assets.parentHostId, id), eq(assets.sourceImageId, id))),
    db
      .select({ id: agents.id, tokenPrefix: agents.tokenPrefix, createdAt: agents.createdAt, lastReportAt: agents.lastReportAt, revokedAt: agents.revokedAt })
      .from(agents)
      .where(eq(agents.assetId, id))
      .orderBy(desc(agents.createdAt)),
    db.select().from(inventoryImports).where(eq(inventoryImports.assetId, id)).orderBy(desc(inventoryImports.createdAt)).limit(10),
    db.select({ id: rings.id, name: rings.name }).from(rings).where(eq(rings.tenantId, row.asset.tenantId)).orderBy(rings.position),
  ]);
  return { ...row, dependents: children[0].n, agents: agentRows, imports, tenantRings: ringRows };
}

const SOFTWARE_SORTS = ['name', 'version', 'ecosystem', 'arch', 'source'] as const;
export const ZSoftwareQuery = listQuerySchema(SOFTWARE_SORTS, 'name').extend({
  ecosystem: z.enum(PACKAGE_ECOSYSTEMS).optional().catch(undefined),
});
export type TSoftwareQuery = z.infer<typeof ZSoftwareQuery>;

export async function findSoftware(db: TDb, actor: TActor, assetId: string, query: TSoftwareQuery): Promise<TPage<typeof installedSoftware.$inferSelect>> {
  const asset = await getAssetTenant(db, actor, assetId);
  const where: SQL[] = [eq(installedSoftware.assetId, assetId), eq(installedSoftware.tenantId, asset.tenantId)];
  if (query.ecosystem) where.push(eq(installedSoftware.ecosystem, query.ecosystem));
  if (query.q) {
    const p = likePattern(query.q);
    where.push(or(ilike(installedSoftware.name, p), ilike(installedSoftware.sourceName, p), ilike(installedSoftware.version, p)) as SQL);
  }
  const col = {
    name: installedSoftware.name,
    version: installedSoftware.version,
    ecosystem: installedSoftware.ecosystem,
    arch: installedSoftware.arch,
    source: installedSoftware.sourceName,
  }[query.sort.id];
  const cond = and(...where);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(installedSoftware)
      .where(cond)
      .orderBy(query.sort.desc ? desc(col) : asc(col), asc(installedSoftware.id))
      .limit(query.size)
      .offset((query.page - 1) * query.size),
    db.select({ total: count() }).from(installedSoftware).where(cond),
  ]);
  return { rows, total, page: query.page, size: query.size };
}

async function getAssetTenant(db: TDb, actor: TActor, assetId: string) {
  const tenantIds = tenantsWith(actor, 'asset:read');
  if (!z.string().uuid().safeParse(assetId).success || tenantIds.length === 0) throw new AppError('NOT_FOUND', 'Asset not found.');
  const [row] = await db
    .select({ id: assets.id, tenantId: assets.tenantId })
    .from(assets)
    .where(and(eq(assets.id, assetId), inArray(assets.tenantId, tenantIds)));
  if (!row) throw new AppError('NOT_FOUND', 'Asset not found.');
  return row;
}
