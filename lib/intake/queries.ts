import { and, asc, count, desc, eq, getTableColumns, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { TDb } from '@/db/client';
import {
  advisorySources,
  applicabilityCounts,
  applicabilityPairs,
  applications,
  assets,
  intakeRuns,
  patchFixes,
  patchRevisions,
  patches,
  rings,
  tenants,
} from '@/db/schema';
import { actorTenantName, tenantsWith, type TActor } from '@/lib/auth/permissions';
import { SEVERITIES } from '@/lib/domain/types';
import { PATCH_STATUSES } from '@/lib/domain/patch-lifecycle';
import { findTenantStatuses, statusInAnyTenantSql } from '@/lib/authorisation/status-sql';
import { AppError } from '@/lib/errors';
import { FIX_LINE_WHERE, JUDGE_COLUMNS, MATCH_COLUMNS } from './assess';
import { likePattern, listQuerySchema } from '@/lib/list-query';
import { isPatchVisible, visiblePatchSql, visibleScopeSql } from './scope';

const PATCH_SORTS = ['severity', 'published', 'cvss', 'affected', 'vendor_id', 'epss'] as const;
export const ZPatchListQuery = listQuerySchema(PATCH_SORTS, 'severity').extend({
  severity: z.enum(SEVERITIES).optional().catch(undefined),
  kev: z.enum(['yes', 'no']).optional().catch(undefined),
  source: z.string().max(40).optional().catch(undefined),
  applicable: z.enum(['yes', 'no']).optional().catch(undefined),
  /** Authorisation status in at least one of the actor's tenants (each tenant decides for itself). */
  status: z.enum(PATCH_STATUSES).optional().catch(undefined),
});
export type TPatchListQuery = z.infer<typeof ZPatchListQuery>;

/** Severity as a sortable rank (critical first when ascending). */
const severityRank = sql<number>`array_position(array['critical','high','medium','low','none']::severity[], ${patches.severity})`;

/**
 * Patches of the global catalogue and the actor's tenants' private advisories, with the number of
 * the actor's assets each is missing on (only ever counting assets in the actor's tenants).
 */
export async function findPatches(db: TDb, actor: TActor, query: TPatchListQuery, now = new Date()) {
  const tenantIds = tenantsWith(actor, 'patch:read');
  if (tenantIds.length === 0) return { rows: [], total: 0, page: query.page, size: query.size, sources: [] as string[] };
  const affected = db
    .select({ patchId: applicabilityCounts.patchId, n: sql<number>`sum(${applicabilityCounts.n})`.as('n') })
    .from(applicabilityCounts)
    .where(and(inArray(applicabilityCounts.tenantId, tenantIds), eq(applicabilityCounts.state, 'missing')))
    .groupBy(applicabilityCounts.patchId)
    .as('affected');
  const where: SQL[] = [visiblePatchSql(tenantIds)];
  if (query.severity) where.push(eq(patches.severity, query.severity));
  if (query.kev) where.push(eq(patches.isKev, query.kev === 'yes'));
  if (query.source) where.push(eq(patches.source, query.source));
  if (query.applicable === 'yes') where.push(sql`coalesce(${affected.n}, 0) > 0`);
  if (query.applicable === 'no') where.push(sql`coalesce(${affected.n}, 0) = 0`);
  if (query.status) where.push(statusInAnyTenantSql(patches.id, patches.tenantId, tenantIds, query.status, now));
  if (query.q) {
    const p = likePattern(query.q);
    where.push(or(ilike(patches.vendorId, p), ilike(patches.title, p), sql`array_to_string(${patches.cves}, ' ') ilike ${p}`) as SQL);
  }
  const cond = and(...where);
  const col = {
    severity: severityRank,
    published: patches.published,
    cvss: patches.cvssScore,
    affected: sql`coalesce(${affected.n}, 0)`,
    vendor_id: patches.vendorId,
    epss: patches.epss,
  }[query.sort.id];
  // Severity ascending means most severe first; the other columns default to largest first.
  const desc_ = query.sort.id === 'severity' || query.sort.id === 'vendor_id' ? query.sort.desc : !query.sort.desc;
  const order = desc_ ? sql`${col} desc nulls last` : sql`${col} asc nulls last`;
  const [rows, [{ total }], sources] = await Promise.all([
    db
      .select({
        id: patches.id,
        tenantId: patches.tenantId,
        vendorId: patches.vendorId,
        title: patches.title,
        source: patches.source,
        severity: patches.severity,
        cvssScore: patches.cvssScore,
        isKev: patches.isKev,
        kevDueDate: patches.kevDueDate,
        epss: patches.epss,
        cves: patches.cves,
        published: patches.published,
        affected: sql<number>`coalesce(${affected.n}, 0)::int`,
      })
      .from(patches)
      .leftJoin(affected, eq(affected.patchId, patches.id))
      .where(cond)
      .orderBy(order, desc(patches.isKev), desc(patches.published), asc(patches.vendorId))
      .limit(query.size)
      .offset((query.page - 1) * query.size),
    db.select({ total: count() }).from(patches).leftJoin(affected, eq(affected.patchId, patches.id)).where(cond),
    db.selectDistinct({ source: patches.source }).from(patches).where(visiblePatchSql(tenantIds)).orderBy(patches.source),
  ]);
  // Each row carries its authorisation status in each of the actor's tenants it concerns.
  const statuses = await findTenantStatuses(
    db,
    rows.map((r) => r.id),
    tenantIds,
    now,
  );
  const withStatus = rows.map((r) => ({
    ...r,
    privateTo: r.tenantId ? (actorTenantName(actor, r.tenantId) ?? null) : null,
    statuses: tenantIds
      .filter((t) => r.tenantId === null || r.tenantId === t)
      .map((t) => ({ tenant: actorTenantName(actor, t) ?? '', status: statuses.get(r.id)?.find((x) => x.tenantId === t)?.status ?? ('new' as const) }))
      .sort((a, b) => a.tenant.localeCompare(b.tenant)),
  }));
  return { rows: withStatus, total, page: query.page, size: query.size, sources: sources.map((s) => s.source) };
}

export async function getPatch(db: TDb, actor: TActor, id: string) {
  const tenantIds = tenantsWith(actor, 'patch:read');
  if (!z.string().uuid().safeParse(id).success || tenantIds.length === 0) throw new AppError('NOT_FOUND', 'Patch not found.');
  const [patch] = await db.select().from(patches).where(eq(patches.id, id));
  // Another tenant's private advisory does not exist for this actor.
  if (!patch || !isPatchVisible(patch, tenantIds)) throw new AppError('NOT_FOUND', 'Patch not found.');
  const [fixes, revisions, perTenant] = await Promise.all([
    db.select().from(patchFixes).where(eq(patchFixes.patchId, id)).orderBy(patchFixes.distro, patchFixes.packageName).limit(500),
    db
      .select({
        id: patchRevisions.id,
        revision: patchRevisions.revision,
        revised: patchRevisions.revised,
        recordedAt: patchRevisions.recordedAt,
        contentHash: patchRevisions.contentHash,
      })
      .from(patchRevisions)
      .where(eq(patchRevisions.patchId, id))
      .orderBy(desc(patchRevisions.recordedAt)),
    db
      .select({ tenantId: tenants.id, tenant: tenants.name, state: applicabilityPairs.state, n: count() })
      .from(applicabilityPairs)
      .innerJoin(tenants, eq(tenants.id, applicabilityPairs.tenantId))
      .where(and(eq(applicabilityPairs.patchId, id), inArray(applicabilityPairs.tenantId, tenantIds)))
      .groupBy(tenants.id, tenants.name, applicabilityPairs.state)
      .orderBy(tenants.name),
  ]);
  return { patch, fixes, revisions, perTenant };
}

export const ZAffectedQuery = listQuerySchema(['name', 'tenant', 'ring', 'state'] as const, 'name').extend({
  state: z.enum(['missing', 'installed', 'unknown']).optional().catch(undefined),
});

/** Assets of the actor's tenants with a state for this patch, paged. */
export async function findPatchAssets(db: TDb, actor: TActor, patchId: string, query: z.infer<typeof ZAffectedQuery>) {
  const tenantIds = tenantsWith(actor, 'patch:read');
  if (tenantIds.length === 0) return { rows: [], total: 0, page: query.page, size: query.size };
  const where: SQL[] = [
    eq(applicabilityPairs.patchId, patchId),
    inArray(applicabilityPairs.tenantId, tenantIds),
    sql`exists (select 1 from ${patches} where ${patches.id} = ${patchId} and ${visiblePatchSql(tenantIds)})`,
  ];
  if (query.state) where.push(eq(applicabilityPairs.state, query.state));
  if (query.q) where.push(ilike(assets.name, likePattern(query.q)));
  const cond = and(...where);
  const col = { name: assets.name, tenant: tenants.name, ring: rings.position, state: applicabilityPairs.state }[query.sort.id];
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        assetId: assets.id,
        name: assets.name,
        tenant: tenants.name,
        ring: rings.name,
        zone: assets.zone,
        application: applications.name,
        state: applicabilityPairs.state,
        packages: packagesOf(applicabilityPairs.patchId, applicabilityPairs.assetId),
        detectedAt: applicabilityPairs.detectedAt,
      })
      .from(applicabilityPairs)
      .innerJoin(assets, eq(assets.id, applicabilityPairs.assetId))
      .innerJoin(tenants, eq(tenants.id, applicabilityPairs.tenantId))
      .innerJoin(rings, eq(rings.id, assets.ringId))
      .leftJoin(applications, eq(applications.id, assets.applicationId))
      .where(cond)
      .orderBy(query.sort.desc ? desc(col) : asc(col), asc(assets.name))
      .limit(query.size)
      .offset((query.page - 1) * query.size),
    db.select({ total: count() }).from(applicabilityPairs).innerJoin(assets, eq(assets.id, applicabilityPairs.assetId)).where(cond),
  ]);
  return { rows, total, page: query.page, size: query.size };
}

type TPackageLine = { name: string; installed: string; fixed: string | null };

/**
 * The installed packages behind a patch × asset state, judged by the same SQL as the assessment:
 * the affected lines with the fix of their own interval; for an `installed` state, the fix the
 * line satisfies (the highest); unparsable versions for `unknown`. Looked up per displayed row.
 */
function packagesOf(patchId: unknown, assetId: unknown) {
  return sql<TPackageLine[]>`(
    with l as (
      select *, ${JUDGE_COLUMNS} from (
        select ${MATCH_COLUMNS}
        from patch_fixes f
        join installed_software s on s.ecosystem = f.ecosystem and s.match_name = f.package_name
        join software_lines l on l.id = s.line_id
        where ${FIX_LINE_WHERE} and (f.distro is null or f.distro = l.distro) and f.patch_id = ${patchId} and s.asset_id = ${assetId}) m)
    select coalesce(
      (select jsonb_agg(distinct jsonb_build_object('name', match_name, 'installed', match_version, 'fixed', fixed_version)) from l where affected or is_unknown),
      (select jsonb_build_array(jsonb_build_object('name', match_name, 'installed', match_version, 'fixed', fixed_version)) from l where fixed_present order by fk desc limit 1),
      '[]'::jsonb))`;
}

/** Patch states of one asset (for the asset page). */
export async function findAssetPatches(db: TDb, actor: TActor, assetId: string) {
  const tenantIds = tenantsWith(actor, 'patch:read');
  if (tenantIds.length === 0) return [];
  return db
    .select({
      patchId: patches.id,
      vendorId: patches.vendorId,
      title: patches.title,
      severity: patches.severity,
      isKev: patches.isKev,
      state: applicabilityPairs.state,
      packages: packagesOf(applicabilityPairs.patchId, applicabilityPairs.assetId),
    })
    .from(applicabilityPairs)
    .innerJoin(patches, eq(patches.id, applicabilityPairs.patchId))
    .where(and(eq(applicabilityPairs.assetId, assetId), inArray(applicabilityPairs.tenantId, tenantIds), visiblePatchSql(tenantIds)))
    .orderBy(sql`${applicabilityPairs.state} = 'missing' desc`, severityRank, patches.vendorId)
    .limit(200);
}

/**
 * The latest intake runs the actor may see: those of tenants where they hold patch:import, and the
 * global ones (catalogue imports, recomputes) for platform users. patch:import, not patch:read:
 * runs name files, sources and who imported them — the intake team's work, not a reader's.
 */
export async function findIntakeRuns(db: TDb, actor: TActor, limit = 20) {
  return db
    .select({ ...getTableColumns(intakeRuns), tenant: tenants.name })
    .from(intakeRuns)
    .leftJoin(tenants, eq(tenants.id, intakeRuns.tenantId))
    .where(visibleScopeSql(actor, intakeRuns.tenantId))
    .orderBy(desc(intakeRuns.startedAt))
    .limit(limit);
}

/** Advisory sources in the actor's scopes (as for runs), with their tenant's name (null = global). */
export async function findSources(db: TDb, actor: TActor) {
  return db
    .select({ ...getTableColumns(advisorySources), tenant: tenants.name })
    .from(advisorySources)
    .leftJoin(tenants, eq(tenants.id, advisorySources.tenantId))
    .where(visibleScopeSql(actor, advisorySources.tenantId))
    .orderBy(advisorySources.name);
}
