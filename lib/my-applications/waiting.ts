import { and, asc, count, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { TDb } from '@/db/client';
import { applicability, applications, assets, patches, tenants, testResults, testRuns } from '@/db/schema';
import type { TActor } from '@/lib/auth/permissions';
import { SEVERITIES } from '@/lib/domain/types';
import { likePattern, listQuerySchema } from '@/lib/list-query';
import { assetOfOwnedApplication, ownedApplications, ownedTenantIds, ownerScope, slaDueSql, toDate } from './scope';

/** "What waits for them": missing patches on the owner's assets (the most urgent first) and their assets under test. */

const ZId = z.string().uuid().optional().catch(undefined);
const severityRank = sql<number>`array_position(array['critical','high','medium','low','none']::severity[], ${patches.severity})`;

const MISSING_SORTS = ['urgency', 'due', 'severity', 'detected', 'asset', 'patch'] as const;
export const ZMyMissingQuery = listQuerySchema(MISSING_SORTS, 'urgency').extend({
  tenant: ZId,
  app: ZId,
  severity: z.enum(SEVERITIES).optional().catch(undefined),
  kev: z.enum(['yes', 'no']).optional().catch(undefined),
  overdue: z.enum(['yes', 'no']).optional().catch(undefined),
});
export type TMyMissingQuery = z.infer<typeof ZMyMissingQuery>;

/**
 * Patches missing on the actor's assets, one row per patch × asset, with the SLA due date from the
 * tenant policy. Default order is urgency: past SLA first, then KEV, then severity, then the earliest due.
 */
export async function findMyMissing(db: TDb, actor: TActor, query: TMyMissingQuery, now = new Date()) {
  const scope = ownerScope(actor);
  if (!scope) return { rows: [], total: 0, page: query.page, size: query.size };
  const due = await slaDueSql(db, await ownedTenantIds(db, scope));
  const at = sql`${now.toISOString()}::timestamptz`;
  const where: SQL[] = [ownedApplications(scope), eq(applicability.state, 'missing')];
  if (query.tenant) where.push(eq(assets.tenantId, query.tenant));
  if (query.app) where.push(eq(assets.applicationId, query.app));
  if (query.severity) where.push(eq(patches.severity, query.severity));
  if (query.kev) where.push(eq(patches.isKev, query.kev === 'yes'));
  if (query.overdue) where.push(query.overdue === 'yes' ? sql`${due} < ${at}` : sql`${due} >= ${at}`);
  if (query.q) {
    const p = likePattern(query.q);
    where.push(or(ilike(patches.vendorId, p), ilike(patches.title, p), ilike(assets.name, p)) as SQL);
  }
  const cond = and(...where);
  const d = query.sort.desc;
  const dir = (c: unknown, isDesc: boolean) => (isDesc ? sql`${c} desc nulls last` : sql`${c} asc nulls last`);
  const order: SQL[] = {
    urgency: [dir(sql`${due} < ${at}`, !d), dir(patches.isKev, !d), dir(severityRank, d), dir(due, d)],
    due: [dir(due, d), desc(patches.isKev), severityRank],
    severity: [dir(severityRank, d), desc(patches.isKev), dir(due, false)],
    detected: [dir(applicability.detectedAt, !d)],
    asset: [dir(assets.name, d)],
    patch: [dir(patches.vendorId, d)],
  }[query.sort.id];
  const onAsset = and(eq(assets.id, applicability.assetId), eq(assets.tenantId, applicability.tenantId));
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        patchId: patches.id,
        vendorId: patches.vendorId,
        title: patches.title,
        severity: patches.severity,
        isKev: patches.isKev,
        kevDueDate: patches.kevDueDate,
        assetId: assets.id,
        assetName: assets.name,
        applicationName: applications.name,
        tenantName: tenants.name,
        detectedAt: applicability.detectedAt,
        due: sql<unknown>`${due}`,
      })
      .from(applicability)
      .innerJoin(assets, onAsset)
      .innerJoin(applications, assetOfOwnedApplication)
      .innerJoin(patches, eq(patches.id, applicability.patchId))
      .innerJoin(tenants, eq(tenants.id, assets.tenantId))
      .where(cond)
      .orderBy(...order, asc(patches.vendorId), asc(assets.name))
      .limit(query.size)
      .offset((query.page - 1) * query.size),
    db
      .select({ total: count() })
      .from(applicability)
      .innerJoin(assets, onAsset)
      .innerJoin(applications, assetOfOwnedApplication)
      .innerJoin(patches, eq(patches.id, applicability.patchId))
      .where(cond),
  ]);
  return {
    rows: rows.map((r) => {
      const dueAt = toDate(r.due);
      return { ...r, due: dueAt, isOverdue: !!dueAt && dueAt < now };
    }),
    total,
    page: query.page,
    size: query.size,
  };
}

/** Outcomes of a result in a run; `pending` until someone records it. */
export const RESULT_OUTCOMES = ['pending', 'passed', 'failed', 'blocked'] as const;

const RUN_SORTS = ['started', 'asset', 'patch', 'outcome'] as const;
export const ZMyTestRunsQuery = listQuerySchema(RUN_SORTS, 'started').extend({
  app: ZId,
  outcome: z.enum(RESULT_OUTCOMES).optional().catch(undefined),
});
export type TMyTestRunsQuery = z.infer<typeof ZMyTestRunsQuery>;

/** The actor's assets in test runs still open (results pending), newest run first. */
export async function findMyTestRuns(db: TDb, actor: TActor, query: TMyTestRunsQuery) {
  const scope = ownerScope(actor);
  if (!scope) return { rows: [], total: 0, page: query.page, size: query.size };
  const where: SQL[] = [ownedApplications(scope), eq(testRuns.status, 'open')];
  if (query.app) where.push(eq(assets.applicationId, query.app));
  if (query.outcome) where.push(eq(testResults.outcome, query.outcome));
  if (query.q) {
    const p = likePattern(query.q);
    where.push(or(ilike(patches.vendorId, p), ilike(patches.title, p), ilike(assets.name, p)) as SQL);
  }
  const cond = and(...where);
  const d = query.sort.desc;
  const col = { started: testRuns.createdAt, asset: assets.name, patch: patches.vendorId, outcome: testResults.outcome }[query.sort.id];
  // Newest run first when "ascending", like the other date columns.
  const isDesc = query.sort.id === 'started' ? !d : d;
  const onRun = and(eq(testRuns.id, testResults.runId), eq(testRuns.tenantId, testResults.tenantId));
  const onAsset = and(eq(assets.id, testResults.assetId), eq(assets.tenantId, testResults.tenantId));
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        runId: testRuns.id,
        target: testRuns.target,
        startedAt: testRuns.createdAt,
        patchId: patches.id,
        vendorId: patches.vendorId,
        title: patches.title,
        severity: patches.severity,
        isKev: patches.isKev,
        assetId: assets.id,
        assetName: assets.name,
        applicationName: applications.name,
        tenantName: tenants.name,
        outcome: testResults.outcome,
      })
      .from(testResults)
      .innerJoin(testRuns, onRun)
      .innerJoin(assets, onAsset)
      .innerJoin(applications, assetOfOwnedApplication)
      .innerJoin(patches, eq(patches.id, testRuns.patchId))
      .innerJoin(tenants, eq(tenants.id, assets.tenantId))
      .where(cond)
      .orderBy(isDesc ? desc(col) : asc(col), asc(assets.name), asc(testRuns.id))
      .limit(query.size)
      .offset((query.page - 1) * query.size),
    db
      .select({ total: count() })
      .from(testResults)
      .innerJoin(testRuns, onRun)
      .innerJoin(assets, onAsset)
      .innerJoin(applications, assetOfOwnedApplication)
      .innerJoin(patches, eq(patches.id, testRuns.patchId))
      .where(cond),
  ]);
  return { rows, total, page: query.page, size: query.size };
}
