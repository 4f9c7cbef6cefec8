import { and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { TDb } from '@/db/client';
import { assets, auditLog, rings, tenants } from '@/db/schema';
import { tenantsWith, type TActor } from '@/lib/auth/permissions';

/** Fleet overview for the actor's tenants: totals, assets per ring and tenant, per zone, stale agents. */
export async function fleetOverview(db: TDb, actor: TActor, now = new Date()) {
  const tenantIds = tenantsWith(actor, 'asset:read');
  if (tenantIds.length === 0) return null;
  const inTenants = inArray(assets.tenantId, tenantIds);
  const staleBefore = new Date(now.getTime() - 7 * 86400_000);
  const [byKind, byRing, byZone, lifecycle, stale] = await Promise.all([
    db.select({ kind: assets.kind, n: count() }).from(assets).where(inTenants).groupBy(assets.kind),
    db
      .select({ tenant: tenants.name, ring: rings.name, position: rings.position, n: count() })
      .from(assets)
      .innerJoin(rings, eq(rings.id, assets.ringId))
      .innerJoin(tenants, eq(tenants.id, assets.tenantId))
      .where(inTenants)
      .groupBy(tenants.name, rings.name, rings.position)
      .orderBy(tenants.name, rings.position),
    db.select({ zone: assets.zone, n: count() }).from(assets).where(inTenants).groupBy(assets.zone).orderBy(desc(count())),
    db.select({ lifecycle: assets.lifecycle, n: count() }).from(assets).where(inTenants).groupBy(assets.lifecycle),
    db
      .select({ n: count() })
      .from(assets)
      .where(and(inTenants, eq(assets.lifecycle, 'active'), sql`(${assets.lastSeenAt} is null or ${assets.lastSeenAt} < ${staleBefore.toISOString()})`)),
  ]);
  const ringNames = [...new Set(byRing.sort((a, b) => a.position - b.position).map((r) => r.ring))];
  const tenantNames = [...new Set(byRing.map((r) => r.tenant))].sort();
  const ringSeries = tenantNames.map((tenant) => ({
    tenant,
    ...Object.fromEntries(ringNames.map((ring) => [ring, byRing.find((r) => r.tenant === tenant && r.ring === ring)?.n ?? 0])),
  }));
  return {
    totals: Object.fromEntries(byKind.map((k) => [k.kind, k.n])) as Partial<Record<'vm' | 'host' | 'image', number>>,
    lifecycle: Object.fromEntries(lifecycle.map((l) => [l.lifecycle, l.n])) as Record<string, number>,
    staleActive: stale[0].n,
    ringNames,
    ringSeries,
    zones: byZone,
  };
}

/** The latest audit rows the actor may read. */
export async function recentAudit(db: TDb, actor: TActor, limit = 8) {
  const tenantIds = tenantsWith(actor, 'audit:read');
  if (tenantIds.length === 0) return [];
  return db
    .select({
      seq: auditLog.seq,
      at: auditLog.at,
      actorLabel: auditLog.actorLabel,
      action: auditLog.action,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
    })
    .from(auditLog)
    .where(inArray(auditLog.tenantId, tenantIds))
    .orderBy(desc(auditLog.seq))
    .limit(limit);
}
