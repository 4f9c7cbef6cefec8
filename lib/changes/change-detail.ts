import { and, asc, count, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { TDb } from '@/db/client';
import {
  applications,
  assets,
  changeApprovals,
  changeAssets,
  changeComments,
  changeEvents,
  changePatches,
  changeRequests,
  maintenanceWindows,
  patchDecisions,
  patches,
  tenants,
  testRuns,
  users,
} from '@/db/schema';
import { tenantsWith, type TActor } from '@/lib/auth/permissions';
import type { TApprovalCapacity, TConflict, TRisk } from '@/lib/domain/change';
import { AppError } from '@/lib/errors';
import { likePattern, listQuerySchema } from '@/lib/list-query';

const NOT_FOUND = 'Change not found.';
const decider = alias(users, 'decider');
const requester = alias(users, 'requester');

/**
 * One change of the actor's tenants with everything its page shows except the asset rows (paged by
 * `findChangeAssets`): patches with their authorisation, waves and jobs per day, conflicts with names,
 * the approval trail, comments, events and test runs. A change of another tenant is NOT_FOUND, as a
 * missing one.
 */
export async function getChange(db: TDb, actor: TActor, id: string) {
  const tenantIds = tenantsWith(actor, 'change:read');
  if (!z.string().uuid().safeParse(id).success || tenantIds.length === 0) throw new AppError('NOT_FOUND', NOT_FOUND);
  const [change] = await db
    .select({
      change: changeRequests,
      tenantName: tenants.name,
      tenantSlug: tenants.slug,
      applicationName: applications.name,
      windowName: maintenanceWindows.name,
      requestedByName: requester.name,
    })
    .from(changeRequests)
    .innerJoin(tenants, eq(tenants.id, changeRequests.tenantId))
    .leftJoin(applications, eq(applications.id, changeRequests.applicationId))
    .leftJoin(maintenanceWindows, eq(maintenanceWindows.id, changeRequests.windowId))
    .leftJoin(requester, eq(requester.id, changeRequests.requestedBy))
    .where(and(eq(changeRequests.id, id), inArray(changeRequests.tenantId, tenantIds)));
  if (!change) throw new AppError('NOT_FOUND', NOT_FOUND);
  const c = change.change;
  const [patchRows, waves, perDay, unschedulable, approvals, comments, events, apps] = await Promise.all([
    findChangePatches(db, c.id, c.tenantId),
    db
      .select({
        waveIndex: changeAssets.waveIndex,
        ring: changeAssets.ring,
        jobs: count(),
        start: sql<Date | null>`min(${changeAssets.plannedStart})`.mapWith(changeAssets.plannedStart),
        end: sql<Date | null>`max(${changeAssets.plannedEnd})`.mapWith(changeAssets.plannedEnd),
      })
      .from(changeAssets)
      .where(and(eq(changeAssets.changeId, c.id), isNotNull(changeAssets.plannedStart)))
      .groupBy(changeAssets.waveIndex, changeAssets.ring)
      .orderBy(sql`${changeAssets.waveIndex} asc nulls last`, asc(changeAssets.ring)),
    db
      .select({ day: sql<string>`to_char(${changeAssets.plannedStart} at time zone 'UTC', 'YYYY-MM-DD')`, ring: changeAssets.ring, jobs: count() })
      .from(changeAssets)
      .where(and(eq(changeAssets.changeId, c.id), isNotNull(changeAssets.plannedStart)))
      .groupBy(sql`1`, changeAssets.ring)
      .orderBy(sql`1`),
    db
      .select({ reason: changeAssets.unschedulableReason, ring: changeAssets.ring, n: count() })
      .from(changeAssets)
      .where(and(eq(changeAssets.changeId, c.id), isNull(changeAssets.plannedStart)))
      .groupBy(changeAssets.unschedulableReason, changeAssets.ring),
    db
      .select({
        id: changeApprovals.id,
        approverId: changeApprovals.approverId,
        approverName: users.name,
        decision: changeApprovals.decision,
        capacities: changeApprovals.capacities,
        note: changeApprovals.note,
        scopeHash: changeApprovals.scopeHash,
        supersededAt: changeApprovals.supersededAt,
        decidedAt: changeApprovals.decidedAt,
      })
      .from(changeApprovals)
      .leftJoin(users, eq(users.id, changeApprovals.approverId))
      .where(and(eq(changeApprovals.changeId, c.id), eq(changeApprovals.tenantId, c.tenantId)))
      .orderBy(asc(changeApprovals.decidedAt)),
    db
      .select({ id: changeComments.id, authorName: users.name, body: changeComments.body, createdAt: changeComments.createdAt })
      .from(changeComments)
      .leftJoin(users, eq(users.id, changeComments.authorId))
      .where(and(eq(changeComments.changeId, c.id), eq(changeComments.tenantId, c.tenantId)))
      .orderBy(asc(changeComments.createdAt)),
    db
      .select()
      .from(changeEvents)
      .where(and(eq(changeEvents.changeId, c.id), eq(changeEvents.tenantId, c.tenantId)))
      .orderBy(desc(changeEvents.id))
      .limit(200),
    db
      .selectDistinct({ id: applications.id, name: applications.name, ownerName: users.name })
      .from(changeAssets)
      .innerJoin(applications, eq(applications.id, changeAssets.applicationId))
      .leftJoin(users, eq(users.id, applications.ownerId))
      .where(eq(changeAssets.changeId, c.id))
      .orderBy(asc(applications.name)),
  ]);
  const runs = patchRows.length
    ? await db
        .select({
          id: testRuns.id,
          patchId: testRuns.patchId,
          vendorId: patches.vendorId,
          target: testRuns.target,
          status: testRuns.status,
          createdAt: testRuns.createdAt,
          completedAt: testRuns.completedAt,
        })
        .from(testRuns)
        .innerJoin(patches, eq(patches.id, testRuns.patchId))
        .where(
          and(
            eq(testRuns.tenantId, c.tenantId),
            inArray(
              testRuns.patchId,
              patchRows.map((p) => p.patchId),
            ),
          ),
        )
        .orderBy(desc(testRuns.createdAt))
        .limit(100)
    : [];
  const conflicts = await nameConflicts(db, c.tenantId, (c.conflicts ?? []) as TConflict[]);
  return {
    change: { ...c, risk: c.risk as TRisk, conflicts: c.conflicts as TConflict[] },
    tenant: { id: c.tenantId, name: change.tenantName, slug: change.tenantSlug },
    applicationName: change.applicationName,
    windowName: change.windowName,
    requestedByName: change.requestedByName,
    patches: patchRows,
    waves,
    perDay,
    unschedulable,
    applications: apps,
    approvals: approvals.map((a) => ({ ...a, capacities: (a.capacities ?? []) as TApprovalCapacity[] })),
    comments,
    events,
    testRuns: runs,
    conflicts,
  };
}
export type TChangeDetail = Awaited<ReturnType<typeof getChange>>;

/** The patches of a change, with the authorisation each went in under (that tenant's decision only). */
async function findChangePatches(db: TDb, changeId: string, tenantId: string) {
  return db
    .select({
      patchId: patches.id,
      vendorId: patches.vendorId,
      title: patches.title,
      severity: patches.severity,
      isKev: patches.isKev,
      epss: patches.epss,
      cvssScore: patches.cvssScore,
      decisionId: patchDecisions.id,
      decisionKind: patchDecisions.kind,
      decisionStatus: patchDecisions.status,
      decidedAt: patchDecisions.decidedAt,
      decidedByName: decider.name,
    })
    .from(changePatches)
    .innerJoin(patches, eq(patches.id, changePatches.patchId))
    .leftJoin(patchDecisions, and(eq(patchDecisions.id, changePatches.decisionId), eq(patchDecisions.tenantId, tenantId)))
    .leftJoin(decider, eq(decider.id, patchDecisions.decidedBy))
    .where(and(eq(changePatches.changeId, changeId), eq(changePatches.tenantId, tenantId)))
    .orderBy(sql`case ${patches.severity} when 'critical' then 0 when 'high' then 1 when 'medium' then 2 when 'low' then 3 else 4 end`, asc(patches.vendorId))
    .limit(1000);
}

export type TNamedConflict = TConflict & { assetName: string | null; otherAssetName?: string | null; otherChangeNumber?: number | null };

/** Conflicts with the names of their assets and the numbers of the other changes (same tenant only). */
async function nameConflicts(db: TDb, tenantId: string, conflicts: TConflict[]): Promise<TNamedConflict[]> {
  if (conflicts.length === 0) return [];
  const assetIds = [...new Set(conflicts.flatMap((c) => (c.kind === 'cluster' ? [c.assetId, c.otherAssetId] : [c.assetId])))];
  const changeIds = [...new Set(conflicts.flatMap((c) => (c.kind === 'blackout' ? [] : [c.changeId])))];
  const [names, numbers] = await Promise.all([
    db
      .select({ id: assets.id, name: assets.name })
      .from(assets)
      .where(and(inArray(assets.id, assetIds), eq(assets.tenantId, tenantId))),
    changeIds.length
      ? db
          .select({ id: changeRequests.id, number: changeRequests.number })
          .from(changeRequests)
          .where(and(inArray(changeRequests.id, changeIds), eq(changeRequests.tenantId, tenantId)))
      : Promise.resolve([]),
  ]);
  const assetName = new Map(names.map((n) => [n.id, n.name]));
  const changeNo = new Map(numbers.map((n) => [n.id, n.number]));
  return conflicts.map((c) => ({
    ...c,
    assetName: assetName.get(c.assetId) ?? null,
    ...(c.kind === 'cluster' ? { otherAssetName: assetName.get(c.otherAssetId) ?? null } : {}),
    ...(c.kind !== 'blackout' ? { otherChangeNumber: changeNo.get(c.changeId) ?? null } : {}),
  }));
}

const CHANGE_ASSET_SORTS = ['name', 'ring', 'wave', 'planned'] as const;
const assetQuery = listQuerySchema(CHANGE_ASSET_SORTS, 'planned');
/** 25 assets a page unless the URL says otherwise: the page has much more below the table. */
export const ZChangeAssetQuery = assetQuery.extend({
  size: z.coerce
    .number()
    .int()
    .refine((n) => [10, 25, 50, 100, 200].includes(n))
    .catch(25),
});
export type TChangeAssetQuery = z.infer<typeof ZChangeAssetQuery>;

const assetSort = {
  name: sql`${assets.name}`,
  ring: sql`${changeAssets.ring}`,
  wave: sql`${changeAssets.waveIndex}`,
  planned: sql`${changeAssets.plannedStart}`,
} as const;

/** The assets of a change (already checked readable by `getChange`) with their slot, paged in SQL. */
export async function findChangeAssets(db: TDb, change: { id: string; tenantId: string }, query: TChangeAssetQuery) {
  const where = [eq(changeAssets.changeId, change.id), eq(changeAssets.tenantId, change.tenantId)];
  if (query.q) where.push(sql`${assets.name} ilike ${likePattern(query.q)}`);
  const cond = and(...where);
  const col = assetSort[query.sort.id];
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        assetId: changeAssets.assetId,
        name: assets.name,
        zone: assets.zone,
        cluster: assets.cluster,
        ring: changeAssets.ring,
        applicationName: applications.name,
        waveIndex: changeAssets.waveIndex,
        plannedStart: changeAssets.plannedStart,
        plannedEnd: changeAssets.plannedEnd,
        windowName: maintenanceWindows.name,
        unschedulableReason: changeAssets.unschedulableReason,
        detail: changeAssets.detail,
        outcome: changeAssets.outcome,
      })
      .from(changeAssets)
      .innerJoin(assets, eq(assets.id, changeAssets.assetId))
      .leftJoin(applications, eq(applications.id, changeAssets.applicationId))
      .leftJoin(maintenanceWindows, eq(maintenanceWindows.id, changeAssets.windowId))
      .where(cond)
      .orderBy(query.sort.desc ? sql`${col} desc nulls last` : sql`${col} asc nulls last`, asc(assets.name))
      .limit(query.size)
      .offset((query.page - 1) * query.size),
    db.select({ total: count() }).from(changeAssets).innerJoin(assets, eq(assets.id, changeAssets.assetId)).where(cond),
  ]);
  return { rows, total, page: query.page, size: query.size };
}
export type TChangeAssetRow = Awaited<ReturnType<typeof findChangeAssets>>['rows'][number];

/**
 * Jobs starting per UTC day per ring, for the plan chart: every day from the first job to the last,
 * so gaps between waves (soak) show; rings in wave order. Pure.
 */
export function planChartRows(perDay: readonly { day: string; ring: string; jobs: number }[], waveRings: readonly string[]) {
  const series = [...new Set([...waveRings, ...perDay.map((d) => d.ring)])];
  if (perDay.length === 0) return { rows: [] as Record<string, string | number>[], series };
  const byDay = new Map<string, Record<string, number>>();
  for (const d of perDay) byDay.set(d.day, { ...byDay.get(d.day), [d.ring]: d.jobs });
  const days = [...byDay.keys()].sort();
  const rows: Record<string, string | number>[] = [];
  // At most a year of bars: a plan longer than that is shown up to there.
  for (let t = Date.parse(`${days[0]}T00:00:00Z`), last = Math.min(Date.parse(`${days.at(-1)}T00:00:00Z`), t + 366 * 86_400_000); t <= last; t += 86_400_000) {
    const day = new Date(t).toISOString().slice(0, 10);
    rows.push({ day: day.slice(5), ...Object.fromEntries(series.map((s) => [s, byDay.get(day)?.[s] ?? 0])) });
  }
  return { rows, series };
}
