import { count, eq, inArray } from 'drizzle-orm';
import type { TDb } from '@/db/client';
import { applications, assets, memberships, rings, tenants, users } from '@/db/schema';
import { tenantsWith, type TActor } from '@/lib/auth/permissions';

/** Tenants the actor administers, with rings, applications (owner, asset count) and members. */
export async function adminOverview(db: TDb, actor: TActor) {
  const ids = tenantsWith(actor, 'tenant:admin');
  if (ids.length === 0) return [];
  const [tenantRows, ringRows, appRows, memberRows, assetCounts] = await Promise.all([
    db.select().from(tenants).where(inArray(tenants.id, ids)).orderBy(tenants.name),
    db.select().from(rings).where(inArray(rings.tenantId, ids)).orderBy(rings.position),
    db
      .select({ app: applications, ownerName: users.name, ownerEmail: users.email })
      .from(applications)
      .leftJoin(users, eq(users.id, applications.ownerId))
      .where(inArray(applications.tenantId, ids))
      .orderBy(applications.name),
    db
      .select({ tenantId: memberships.tenantId, role: memberships.role, userId: users.id, email: users.email, name: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(inArray(memberships.tenantId, ids))
      .orderBy(users.email),
    db.select({ appId: assets.applicationId, n: count() }).from(assets).where(inArray(assets.tenantId, ids)).groupBy(assets.applicationId),
  ]);
  const assetsPerApp = new Map(assetCounts.map((a) => [a.appId, a.n]));
  return tenantRows.map((t) => ({
    tenant: t,
    rings: ringRows.filter((r) => r.tenantId === t.id),
    applications: appRows.filter((a) => a.app.tenantId === t.id).map((a) => ({ ...a, assets: assetsPerApp.get(a.app.id) ?? 0 })),
    members: memberRows.filter((m) => m.tenantId === t.id),
  }));
}
