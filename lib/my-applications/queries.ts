import { and, asc, count, eq, ilike, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { TDb } from '@/db/client';
import { applicability, applications, assets, patches, rings, tenants } from '@/db/schema';
import type { TActor } from '@/lib/auth/permissions';
import { likePattern, listQuerySchema } from '@/lib/list-query';
import { assetOfOwnedApplication, ownedApplications, ownedTenantIds, ownerScope, slaDueSql, toDate, type TOwnerScope } from './scope';

const ZYesNo = z.enum(['yes', 'no']).optional().catch(undefined);
const ZId = z.string().uuid().optional().catch(undefined);

/** Missing patches counted per group (asset or application): by severity, KEV, past SLA, next SLA due. */
function missingStats(due: SQL, now: Date) {
  const at = sql`${now.toISOString()}::timestamptz`;
  const n = (cond: SQL) => sql<number>`(count(${applicability.patchId}) filter (where ${cond}))::int`;
  return {
    missing: sql<number>`count(${applicability.patchId})::int`.as('missing'),
    critical: n(sql`${patches.severity} = 'critical'`).as('critical'),
    high: n(sql`${patches.severity} = 'high'`).as('high'),
    medium: n(sql`${patches.severity} = 'medium'`).as('medium'),
    low: n(sql`${patches.severity} in ('low', 'none')`).as('low'),
    kev: n(sql`${patches.isKev}`).as('kev'),
    overdue: n(sql`${due} < ${at}`).as('overdue'),
    nextDue: sql<unknown>`min(${due})`.as('next_due'),
  };
}

/** Missing-patch counts of owned assets grouped per asset or per application (assets without any: zeros). */
function missingBy(db: TDb, scope: TOwnerScope, due: SQL, now: Date, per: 'asset' | 'application') {
  const key = per === 'asset' ? assets.id : applications.id;
  return db
    .select({ key: sql<string>`${key}`.as('key'), assets: sql<number>`count(distinct ${assets.id})::int`.as('assets'), ...missingStats(due, now) })
    .from(assets)
    .innerJoin(applications, assetOfOwnedApplication)
    .leftJoin(applicability, and(eq(applicability.assetId, assets.id), eq(applicability.tenantId, assets.tenantId), eq(applicability.state, 'missing')))
    .leftJoin(patches, eq(patches.id, applicability.patchId))
    .where(ownedApplications(scope))
    .groupBy(key)
    .as(per === 'asset' ? 'm' : 's');
}

const orderBy = (col: SQL | { getSQL(): SQL }, desc: boolean) => (desc ? sql`${col} desc nulls last` : sql`${col} asc nulls last`);

const APP_SORTS = ['name', 'tenant', 'assets', 'missing', 'critical', 'kev', 'overdue'] as const;
export const ZMyApplicationsQuery = listQuerySchema(APP_SORTS, 'name').extend({ tenant: ZId });
export type TMyApplicationsQuery = z.infer<typeof ZMyApplicationsQuery>;

/** The applications the actor owns, with their assets and what is missing on them. */
export async function findMyApplications(db: TDb, actor: TActor, query: TMyApplicationsQuery, now = new Date()) {
  const scope = ownerScope(actor);
  if (!scope) return { rows: [], total: 0, page: query.page, size: query.size };
  const due = await slaDueSql(db, await ownedTenantIds(db, scope));
  const stats = missingBy(db, scope, due, now, 'application');
  const where: SQL[] = [ownedApplications(scope)];
  if (query.tenant) where.push(eq(applications.tenantId, query.tenant));
  if (query.q) where.push(ilike(applications.name, likePattern(query.q)));
  const cond = and(...where);
  const zero = (c: unknown) => sql<number>`coalesce(${c}, 0)::int`;
  const col = {
    name: applications.name,
    tenant: tenants.name,
    assets: zero(stats.assets),
    missing: zero(stats.missing),
    critical: zero(stats.critical),
    kev: zero(stats.kev),
    overdue: zero(stats.overdue),
  }[query.sort.id];
  // Counts read largest first when "ascending", as on the patches list: the worst application on top.
  const desc = query.sort.id === 'name' || query.sort.id === 'tenant' ? query.sort.desc : !query.sort.desc;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: applications.id,
        name: applications.name,
        slug: applications.slug,
        tenantId: applications.tenantId,
        tenantName: tenants.name,
        criticality: applications.criticality,
        assets: zero(stats.assets),
        missing: zero(stats.missing),
        critical: zero(stats.critical),
        high: zero(stats.high),
        kev: zero(stats.kev),
        overdue: zero(stats.overdue),
      })
      .from(applications)
      .innerJoin(tenants, eq(tenants.id, applications.tenantId))
      .leftJoin(stats, eq(stats.key, applications.id))
      .where(cond)
      .orderBy(orderBy(col, desc), asc(applications.name), asc(applications.id))
      .limit(query.size)
      .offset((query.page - 1) * query.size),
    db.select({ total: count() }).from(applications).where(cond),
  ]);
  return { rows, total, page: query.page, size: query.size };
}

const ASSET_SORTS = ['urgency', 'name', 'application', 'tenant', 'ring', 'missing', 'critical', 'high', 'kev', 'overdue', 'due'] as const;
export const ZMyAssetsQuery = listQuerySchema(ASSET_SORTS, 'urgency').extend({
  tenant: ZId,
  app: ZId,
  ring: z.string().max(60).optional().catch(undefined),
  missing: ZYesNo,
  overdue: ZYesNo,
});
export type TMyAssetsQuery = z.infer<typeof ZMyAssetsQuery>;

export type TMyAssetRow = Awaited<ReturnType<typeof findMyAssets>>['rows'][number];

/**
 * Assets of the actor's applications with missing patches counted by severity, KEV and past SLA.
 * The default order is urgency: past SLA, then KEV, critical, high, then the earliest SLA due.
 */
export async function findMyAssets(db: TDb, actor: TActor, query: TMyAssetsQuery, now = new Date()) {
  const scope = ownerScope(actor);
  if (!scope) return { rows: [], total: 0, page: query.page, size: query.size };
  const due = await slaDueSql(db, await ownedTenantIds(db, scope));
  const m = missingBy(db, scope, due, now, 'asset');
  const zero = (c: unknown) => sql<number>`coalesce(${c}, 0)::int`;
  const where: SQL[] = [ownedApplications(scope)];
  if (query.tenant) where.push(eq(assets.tenantId, query.tenant));
  if (query.app) where.push(eq(assets.applicationId, query.app));
  if (query.ring) where.push(eq(rings.name, query.ring));
  if (query.q) where.push(ilike(assets.name, likePattern(query.q)));
  if (query.missing) where.push(query.missing === 'yes' ? sql`${zero(m.missing)} > 0` : sql`${zero(m.missing)} = 0`);
  if (query.overdue) where.push(query.overdue === 'yes' ? sql`${zero(m.overdue)} > 0` : sql`${zero(m.overdue)} = 0`);
  const cond = and(...where);
  const d = query.sort.desc;
  const counts = (c: unknown) => orderBy(zero(c), !d);
  const order: SQL[] = {
    urgency: [counts(m.overdue), counts(m.kev), counts(m.critical), counts(m.high), orderBy(sql`${m.nextDue}`, d)],
    name: [orderBy(assets.name, d)],
    application: [orderBy(applications.name, d)],
    tenant: [orderBy(tenants.name, d)],
    ring: [orderBy(rings.position, d)],
    missing: [counts(m.missing)],
    critical: [counts(m.critical)],
    high: [counts(m.high)],
    kev: [counts(m.kev)],
    overdue: [counts(m.overdue)],
    due: [orderBy(sql`${m.nextDue}`, d)],
  }[query.sort.id];
  const from = () =>
    db
      .select({
        id: assets.id,
        name: assets.name,
        kind: assets.kind,
        tenantName: tenants.name,
        applicationId: applications.id,
        applicationName: applications.name,
        ring: rings.name,
        criticality: assets.criticality,
        lifecycle: assets.lifecycle,
        missing: zero(m.missing),
        critical: zero(m.critical),
        high: zero(m.high),
        medium: zero(m.medium),
        low: zero(m.low),
        kev: zero(m.kev),
        overdue: zero(m.overdue),
        nextDue: m.nextDue,
      })
      .from(assets)
      .innerJoin(applications, assetOfOwnedApplication)
      .innerJoin(tenants, eq(tenants.id, assets.tenantId))
      .innerJoin(rings, eq(rings.id, assets.ringId))
      .leftJoin(m, eq(m.key, assets.id));
  const [rows, [{ total }]] = await Promise.all([
    from()
      .where(cond)
      .orderBy(...order, asc(assets.name), asc(assets.id))
      .limit(query.size)
      .offset((query.page - 1) * query.size),
    db
      .select({ total: count() })
      .from(assets)
      .innerJoin(applications, assetOfOwnedApplication)
      .innerJoin(rings, eq(rings.id, assets.ringId))
      .leftJoin(m, eq(m.key, assets.id))
      .where(cond),
  ]);
  return { rows: rows.map((r) => ({ ...r, nextDue: toDate(r.nextDue) })), total, page: query.page, size: query.size };
}

/** Filter options for the page: the owned applications, their tenants and rings. */
export async function myFacets(db: TDb, actor: TActor) {
  const scope = ownerScope(actor);
  if (!scope) return { applications: [], tenants: [], rings: [] };
  const [appRows, ringRows] = await Promise.all([
    db
      .select({ id: applications.id, name: applications.name, tenantId: tenants.id, tenantName: tenants.name })
      .from(applications)
      .innerJoin(tenants, eq(tenants.id, applications.tenantId))
      .where(ownedApplications(scope))
      .orderBy(applications.name),
    db
      .selectDistinct({ name: rings.name, position: rings.position })
      .from(assets)
      .innerJoin(applications, assetOfOwnedApplication)
      .innerJoin(rings, eq(rings.id, assets.ringId))
      .where(ownedApplications(scope))
      .orderBy(rings.position),
  ]);
  const tenantMap = new Map(appRows.map((a) => [a.tenantId, a.tenantName]));
  return {
    applications: appRows.map((a) => ({ id: a.id, name: a.name })),
    tenants: [...tenantMap].map(([id, name]) => ({ id, name })),
    rings: [...new Set(ringRows.map((r) => r.name))],
  };
}
