import { and, asc, count, desc, eq, inArray, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { TDb } from '@/db/client';
import { applications, assets, blackouts, maintenanceWindows, rings, tenantPolicies, tenants, users } from '@/db/schema';
import { requireTenantAccess, tenantsWith, type TActor, type TPermission } from '@/lib/auth/permissions';
import type { TPolicy } from '@/lib/domain/policy';
import { ZScope, ZWindowDef, type TBlackout, type TScope, type TWindowDef } from '@/lib/domain/windows';
import { AppError } from '@/lib/errors';
import { effectivePolicy } from './tenant-policy';

export type TSchedulingTenant = { id: string; slug: string; name: string };

/** Tenants in which the actor holds `permission`, by name. */
export async function findSchedulingTenants(db: TDb, actor: TActor, permission: TPermission = 'schedule:read'): Promise<TSchedulingTenant[]> {
  const ids = tenantsWith(actor, permission);
  if (ids.length === 0) return [];
  return db.select({ id: tenants.id, slug: tenants.slug, name: tenants.name }).from(tenants).where(inArray(tenants.id, ids)).orderBy(tenants.name);
}

/** The tenant named by a page or API parameter (id or slug), else the first one. */
export function pickTenant<T extends { id: string; slug: string }>(list: readonly T[], param: string | undefined): T | undefined {
  if (!param) return list[0];
  return list.find((t) => t.id === param || t.slug === param);
}

/** `?tenant=<id or slug>` of the scheduling routes; a missing tenant is answered by `getSchedulingTenant`. */
export const ZSchedulingTenantQuery = z.object({ tenant: z.string().trim().max(100, 'The tenant is an id or a slug.').optional() });

/** One tenant by id or slug, if the actor holds `permission` there; NOT_FOUND otherwise (other tenants included). */
export async function getSchedulingTenant(
  db: TDb,
  actor: TActor,
  idOrSlug: string | undefined,
  permission: TPermission = 'schedule:read',
): Promise<TSchedulingTenant> {
  if (!idOrSlug) throw new AppError('NOT_FOUND', 'Name a tenant: ?tenant=<id or slug>.');
  const tenant = pickTenant(await findSchedulingTenants(db, actor, 'schedule:read'), idOrSlug);
  if (!tenant) throw new AppError('NOT_FOUND', 'Tenant not found.');
  requireTenantAccess(actor, tenant.id, permission);
  return tenant;
}

export type TTenantPolicy = {
  policy: TPolicy;
  /** 0 while the tenant runs on the default policy (no row yet). */
  version: number;
  isDefault: boolean;
  updatedAt: Date | null;
  updatedByName: string | null;
  rings: { id: string; name: string; position: number }[];
};

/** The tenant's policy (or its default) with the version an editor must send back. */
export async function getTenantPolicy(db: TDb, actor: TActor, tenantId: string, permission: TPermission = 'schedule:read'): Promise<TTenantPolicy> {
  requireTenantAccess(actor, tenantId, permission);
  return loadTenantPolicy(db, tenantId);
}

/** Unchecked loader for callers that have already checked the tenant. */
export async function loadTenantPolicy(db: TDb, tenantId: string): Promise<TTenantPolicy> {
  const [ringRows, [row]] = await Promise.all([
    db.select({ id: rings.id, name: rings.name, position: rings.position }).from(rings).where(eq(rings.tenantId, tenantId)).orderBy(asc(rings.position)),
    db
      .select({ policy: tenantPolicies.policy, version: tenantPolicies.version, updatedAt: tenantPolicies.updatedAt, updatedByName: users.name })
      .from(tenantPolicies)
      .leftJoin(users, eq(users.id, tenantPolicies.updatedBy))
      .where(eq(tenantPolicies.tenantId, tenantId)),
  ]);
  return {
    policy: effectivePolicy(
      row?.policy ?? null,
      ringRows.map((r) => r.name),
    ),
    version: row?.version ?? 0,
    isDefault: !row,
    updatedAt: row?.updatedAt ?? null,
    updatedByName: row?.updatedByName ?? null,
    rings: ringRows,
  };
}

export type TWindowRow = { id: string; tenantId: string; name: string; def: TWindowDef; isEnabled: boolean; updatedAt: Date };

const toWindow = (r: typeof maintenanceWindows.$inferSelect): TWindowRow => ({
  id: r.id,
  tenantId: r.tenantId,
  name: r.name,
  // Stored definitions were validated on write; parsing again restores the typed shape (and defaults).
  def: ZWindowDef.parse(r.def),
  isEnabled: r.isEnabled,
  updatedAt: r.updatedAt,
});

/** The tenant's maintenance windows, by name. */
export async function findWindows(db: TDb, actor: TActor, tenantId: string): Promise<TWindowRow[]> {
  requireTenantAccess(actor, tenantId, 'schedule:read');
  return loadWindows(db, tenantId);
}

export async function loadWindows(db: TDb, tenantId: string, opts: { enabledOnly?: boolean } = {}): Promise<TWindowRow[]> {
  const where = opts.enabledOnly
    ? and(eq(maintenanceWindows.tenantId, tenantId), eq(maintenanceWindows.isEnabled, true))
    : eq(maintenanceWindows.tenantId, tenantId);
  const rows = await db.select().from(maintenanceWindows).where(where).orderBy(asc(maintenanceWindows.name), asc(maintenanceWindows.id));
  return rows.map(toWindow);
}

/** One window the actor may read, with its tenant; NOT_FOUND for unknown ids and other tenants' windows. */
export async function getWindow(db: TDb, actor: TActor, id: string): Promise<TWindowRow & { tenant: TSchedulingTenant }> {
  const ids = tenantsWith(actor, 'schedule:read');
  if (!z.string().uuid().safeParse(id).success || ids.length === 0) throw new AppError('NOT_FOUND', 'Window not found.');
  const [row] = await db
    .select({ w: maintenanceWindows, tenant: { id: tenants.id, slug: tenants.slug, name: tenants.name } })
    .from(maintenanceWindows)
    .innerJoin(tenants, eq(tenants.id, maintenanceWindows.tenantId))
    .where(and(eq(maintenanceWindows.id, id), inArray(maintenanceWindows.tenantId, ids)));
  if (!row) throw new AppError('NOT_FOUND', 'Window not found.');
  return { ...toWindow(row.w), tenant: row.tenant };
}

export type TBlackoutRow = { id: string; name: string; startsAt: string; endsAt: string; scope: TScope; reason: string | null };

/** The tenant's blackouts, earliest first. */
export async function findBlackouts(db: TDb, actor: TActor, tenantId: string): Promise<TBlackoutRow[]> {
  requireTenantAccess(actor, tenantId, 'schedule:read');
  return loadBlackouts(db, tenantId);
}

export async function loadBlackouts(db: TDb, tenantId: string): Promise<TBlackoutRow[]> {
  const rows = await db.select().from(blackouts).where(eq(blackouts.tenantId, tenantId)).orderBy(asc(blackouts.startsAt), asc(blackouts.name));
  return rows.map((b) => ({
    id: b.id,
    name: b.name,
    startsAt: b.startsAt.toISOString(),
    endsAt: b.endsAt.toISOString(),
    scope: ZScope.parse(b.scope),
    reason: b.reason,
  }));
}

/** Blackout rows in the planner's shape. */
export const toPlannerBlackouts = (rows: readonly TBlackoutRow[]): TBlackout[] =>
  rows.map((b) => ({ name: b.name, startsAt: b.startsAt, endsAt: b.endsAt, scope: b.scope }));

/** Zones of the tenant's deployable assets, most common first (ties by name). */
export async function loadTenantZones(db: TDb, tenantId: string): Promise<{ zone: string; n: number }[]> {
  return db
    .select({ zone: assets.zone, n: count() })
    .from(assets)
    .where(and(eq(assets.tenantId, tenantId), ne(assets.lifecycle, 'decommissioned')))
    .groupBy(assets.zone)
    .orderBy(desc(count()), asc(assets.zone));
}

/** What the window and blackout forms offer: rings, applications and the zones in use. */
export async function scheduleFormOptions(db: TDb, actor: TActor, tenantId: string) {
  requireTenantAccess(actor, tenantId, 'schedule:read');
  const [ringRows, appRows, zones] = await Promise.all([
    db.select({ name: rings.name }).from(rings).where(eq(rings.tenantId, tenantId)).orderBy(asc(rings.position)),
    db.select({ id: applications.id, name: applications.name }).from(applications).where(eq(applications.tenantId, tenantId)).orderBy(asc(applications.name)),
    loadTenantZones(db, tenantId),
  ]);
  return { rings: ringRows.map((r) => r.name), applications: appRows, zones };
}
