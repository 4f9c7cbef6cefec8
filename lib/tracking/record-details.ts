import { aliasedTable, and, asc, count, desc, eq, ilike, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { TDb } from '@/db/client';
import { applicability, assets, changeAssets, changePatches, changeRequests, patchDecisions, resolverGroupMembers, rings, users } from '@/db/schema';
import { likePattern, listQuerySchema, type TPage } from '@/lib/list-query';
import { AFFECTED_STATES } from './coverage';
import type { TTrackingRecordView } from './queries';

/** The record's bucket of assets: its tenant and application (none: the tenant's assets without one). */
const inBucket = (r: TTrackingRecordView['record']): SQL =>
  and(
    eq(assets.tenantId, r.tenantId),
    r.applicationId ? eq(assets.applicationId, r.applicationId) : sql`${assets.applicationId} is null`,
    ne(assets.lifecycle, 'decommissioned'),
  ) as SQL;

const ASSET_SORTS = ['asset', 'ring', 'state', 'detected'] as const;
export const ZRecordAssetsQuery = listQuerySchema(ASSET_SORTS, 'asset').extend({
  state: z.enum(AFFECTED_STATES).optional().catch(undefined),
});
export type TRecordAssetsQuery = z.infer<typeof ZRecordAssetsQuery>;

export type TRecordAssetRow = { id: string; name: string; ring: string; zone: string; state: string; detectedAt: Date };

/** The assets the record still waits for, live from applicability (paged, sorted, filtered). Call after getTrackingRecord. */
export async function findRecordAssets(db: TDb, view: TTrackingRecordView, query: TRecordAssetsQuery): Promise<TPage<TRecordAssetRow>> {
  const r = view.record;
  const where: SQL[] = [
    eq(applicability.tenantId, r.tenantId),
    eq(applicability.patchId, r.patchId),
    inArray(applicability.state, [...AFFECTED_STATES]),
    inBucket(r),
  ];
  if (query.state) where.push(eq(applicability.state, query.state));
  if (query.q) where.push(ilike(assets.name, likePattern(query.q)));
  const cond = and(...where);
  const col = { asset: assets.name, ring: rings.position, state: applicability.state, detected: applicability.detectedAt }[query.sort.id];
  // Newest detection first when "ascending", like the other date columns.
  const isDesc = query.sort.id === 'detected' ? !query.sort.desc : query.sort.desc;
  const onAsset = and(eq(assets.id, applicability.assetId), eq(assets.tenantId, applicability.tenantId));
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({ id: assets.id, name: assets.name, ring: rings.name, zone: assets.zone, state: applicability.state, detectedAt: applicability.detectedAt })
      .from(applicability)
      .innerJoin(assets, onAsset)
      .innerJoin(rings, eq(rings.id, assets.ringId))
      .where(cond)
      .orderBy(isDesc ? desc(col) : asc(col), asc(assets.name))
      .limit(query.size)
      .offset((query.page - 1) * query.size),
    db.select({ total: count() }).from(applicability).innerJoin(assets, onAsset).where(cond),
  ]);
  return { rows, total, page: query.page, size: query.size };
}

/** The tenant's authorisation decisions on the record's patch (requested by, approved by, when). */
export async function findRecordDecisions(db: TDb, view: TTrackingRecordView) {
  const requester = aliasedTable(users, 'requester');
  const decider = aliasedTable(users, 'decider');
  return db
    .select({
      id: patchDecisions.id,
      kind: patchDecisions.kind,
      status: patchDecisions.status,
      requestedBy: requester.name,
      requestedAt: patchDecisions.requestedAt,
      decidedBy: decider.name,
      decidedAt: patchDecisions.decidedAt,
      isByRule: sql<boolean>`${patchDecisions.ruleId} is not null`,
    })
    .from(patchDecisions)
    .leftJoin(requester, eq(requester.id, patchDecisions.requestedBy))
    .leftJoin(decider, eq(decider.id, patchDecisions.decidedBy))
    .where(and(eq(patchDecisions.tenantId, view.record.tenantId), eq(patchDecisions.patchId, view.record.patchId)))
    .orderBy(desc(patchDecisions.requestedAt))
    .limit(50);
}

/** The changes that carry the record's patch to assets of its application. */
export async function findRecordChanges(db: TDb, view: TTrackingRecordView) {
  const r = view.record;
  return db
    .select({
      id: changeRequests.id,
      number: changeRequests.number,
      title: changeRequests.title,
      type: changeRequests.type,
      state: changeRequests.state,
      plannedStart: changeRequests.plannedStart,
      plannedEnd: changeRequests.plannedEnd,
    })
    .from(changeRequests)
    .innerJoin(changePatches, and(eq(changePatches.changeId, changeRequests.id), eq(changePatches.patchId, r.patchId)))
    .where(
      and(
        eq(changeRequests.tenantId, r.tenantId),
        sql`exists (select 1 from ${changeAssets} ca join ${assets} s on s.id = ca.asset_id
          where ca.change_id = ${changeRequests.id} and s.application_id is not distinct from ${r.applicationId}::uuid)`,
      ),
    )
    .orderBy(desc(changeRequests.number))
    .limit(50);
}

/** Who works the record: its group's members, else the application's owner (named for the page). */
export async function findRecordAssignees(db: TDb, view: TTrackingRecordView): Promise<{ id: string; name: string }[]> {
  if (view.record.resolverGroupId)
    return db
      .select({ id: users.id, name: users.name })
      .from(resolverGroupMembers)
      .innerJoin(users, eq(users.id, resolverGroupMembers.userId))
      .where(and(eq(resolverGroupMembers.groupId, view.record.resolverGroupId), eq(resolverGroupMembers.tenantId, view.record.tenantId)))
      .orderBy(users.name);
  const ownerId = view.application?.ownerId;
  if (!ownerId) return [];
  return db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, ownerId));
}
