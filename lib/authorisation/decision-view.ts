import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { TDb } from '@/db/client';
import {
  applicabilityPairs,
  assets,
  autoApprovalObjections,
  patches,
  autoApprovalRules,
  patchDecisions,
  patchRevisions,
  rings,
  tenants,
  testEvidence,
  testResults,
  testRuns,
  users,
} from '@/db/schema';
import { can, tenantsWith, type TActor } from '@/lib/auth/permissions';
import { countOutcomes, isPassedRun, runStatus } from '@/lib/domain/patch-lifecycle';
import { AppError } from '@/lib/errors';
import { isPatchVisible } from '@/lib/intake/scope';
import { loadTenantStates } from './patch-state';

const requester = alias(users, 'requester');
const decider = alias(users, 'decider');

/**
 * Everything the decision page shows for one patch, within the actor's tenants: each tenant's
 * lifecycle state with its concurrency token, test runs with per-asset results and evidence,
 * decisions (pending and past), objections, revisions, and where a new test run could target.
 * Another tenant's status, runs, results, decisions and names never appear.
 */
export async function getDecisionView(db: TDb, actor: TActor, patchId: string, now = new Date()) {
  const reader = tenantsWith(actor, 'patch:read');
  if (!z.string().uuid().safeParse(patchId).success || reader.length === 0) throw new AppError('NOT_FOUND', 'Patch not found.');
  const [patch] = await db.select().from(patches).where(eq(patches.id, patchId));
  if (!patch || !isPatchVisible(patch, reader)) throw new AppError('NOT_FOUND', 'Patch not found.');
  // A tenant's private advisory concerns that tenant only, even for staff of several tenants.
  const readable = patch.tenantId ? [patch.tenantId] : reader;
  const testable = tenantsWith(actor, 'patch:test').filter((t) => readable.includes(t));
  const none = Promise.resolve([] as never[]);
  const [tenantRows, runRows, resultRows, evidenceRows, decisionRows, objectionRows, revisionRows, ringRows, targets, tagTargets] = await Promise.all([
    db.select({ id: tenants.id, slug: tenants.slug, name: tenants.name }).from(tenants).where(inArray(tenants.id, readable)).orderBy(tenants.name),
    db
      .select({ run: testRuns, tenant: tenants.name, createdByName: users.name })
      .from(testRuns)
      .innerJoin(tenants, eq(tenants.id, testRuns.tenantId))
      .leftJoin(users, eq(users.id, testRuns.createdBy))
      .where(and(eq(testRuns.patchId, patchId), inArray(testRuns.tenantId, readable)))
      .orderBy(desc(testRuns.createdAt)),
    db
      .select({ result: testResults, asset: assets.name, ring: rings.name, recordedByName: users.name })
      .from(testResults)
      .innerJoin(testRuns, eq(testRuns.id, testResults.runId))
      .innerJoin(assets, eq(assets.id, testResults.assetId))
      .innerJoin(rings, eq(rings.id, assets.ringId))
      .leftJoin(users, eq(users.id, testResults.recordedBy))
      .where(and(eq(testRuns.patchId, patchId), inArray(testResults.tenantId, readable)))
      .orderBy(asc(assets.name)),
    db
      .select({
        id: testEvidence.id,
        runId: testEvidence.runId,
        assetId: testEvidence.assetId,
        filename: testEvidence.filename,
        size: testEvidence.size,
        sha256: testEvidence.sha256,
        uploadedAt: testEvidence.uploadedAt,
      })
      .from(testEvidence)
      .innerJoin(testRuns, eq(testRuns.id, testEvidence.runId))
      .where(and(eq(testRuns.patchId, patchId), inArray(testEvidence.tenantId, readable)))
      .orderBy(asc(testEvidence.uploadedAt)),
    db
      .select({ d: patchDecisions, requestedByName: requester.name, decidedByName: decider.name, ruleName: autoApprovalRules.name })
      .from(patchDecisions)
      .leftJoin(requester, eq(requester.id, patchDecisions.requestedBy))
      .leftJoin(decider, eq(decider.id, patchDecisions.decidedBy))
      .leftJoin(autoApprovalRules, eq(autoApprovalRules.id, patchDecisions.ruleId))
      .where(and(eq(patchDecisions.patchId, patchId), inArray(patchDecisions.tenantId, readable)))
      .orderBy(desc(patchDecisions.requestedAt)),
    db
      .select({ o: autoApprovalObjections, tenant: tenants.name, byName: users.name })
      .from(autoApprovalObjections)
      .innerJoin(tenants, eq(tenants.id, autoApprovalObjections.tenantId))
      .leftJoin(users, eq(users.id, autoApprovalObjections.objectedBy))
      .where(and(eq(autoApprovalObjections.patchId, patchId), inArray(autoApprovalObjections.tenantId, readable))),
    db
      .select({
        revision: patchRevisions.revision,
        revised: patchRevisions.revised,
        recordedAt: patchRevisions.recordedAt,
        contentHash: patchRevisions.contentHash,
      })
      .from(patchRevisions)
      .where(eq(patchRevisions.patchId, patchId))
      .orderBy(desc(patchRevisions.recordedAt)),
    db.selectDistinct({ name: rings.name, position: rings.position }).from(rings).where(inArray(rings.tenantId, readable)).orderBy(rings.position, rings.name),
    // Where a test run could go: per tenant and ring, the assets on which the patch applies.
    !testable.length
      ? none
      : db
          .select({ tenantId: applicabilityPairs.tenantId, ring: rings.name, position: rings.position, n: count() })
          .from(applicabilityPairs)
          .innerJoin(assets, eq(assets.id, applicabilityPairs.assetId))
          .innerJoin(rings, eq(rings.id, assets.ringId))
          .where(
            and(
              eq(applicabilityPairs.patchId, patchId),
              inArray(applicabilityPairs.tenantId, testable),
              inArray(applicabilityPairs.state, ['missing', 'installed']),
            ),
          )
          .groupBy(applicabilityPairs.tenantId, rings.name, rings.position)
          .orderBy(rings.position),
    !testable.length
      ? none
      : db
          .select({ tenantId: applicabilityPairs.tenantId, tag: sql<string>`unnest(${assets.tags})`.as('tag'), n: count() })
          .from(applicabilityPairs)
          .innerJoin(assets, eq(assets.id, applicabilityPairs.assetId))
          .where(
            and(
              eq(applicabilityPairs.patchId, patchId),
              inArray(applicabilityPairs.tenantId, testable),
              inArray(applicabilityPairs.state, ['missing', 'installed']),
            ),
          )
          .groupBy(applicabilityPairs.tenantId, sql`tag`)
          .orderBy(sql`tag`),
  ]);
  const tenantName = new Map(tenantRows.map((t) => [t.id, t.name]));
  const states = await loadTenantStates(
    db,
    patch,
    tenantRows.map((t) => t.id),
    now,
  );
  const runs = runRows.map(({ run, tenant, createdByName }) => {
    const results = resultRows.filter((r) => r.result.runId === run.id);
    const counts = countOutcomes(results.map((r) => r.result.outcome));
    return {
      ...run,
      tenant,
      createdByName,
      counts,
      status: runStatus(counts),
      isPassed: isPassedRun(counts),
      isStale: run.patchContentHash !== patch.contentHash,
      results: results.map((r) => ({
        ...r.result,
        asset: r.asset,
        ring: r.ring,
        recordedByName: r.recordedByName,
        evidence: evidenceRows.filter((e) => e.runId === run.id && e.assetId === r.result.assetId),
      })),
    };
  });
  const decisions = decisionRows.map(({ d, requestedByName, decidedByName, ruleName }) => ({
    ...d,
    requestedByName,
    decidedByName,
    ruleName,
    tenant: tenantName.get(d.tenantId) ?? '',
    /** Made against another version or content than the tenant's current one: can only be refused. */
    isStale:
      d.status === 'requested' &&
      (d.patchVersion !== (states.find((s) => s.tenantId === d.tenantId)?.version ?? 0) || d.patchContentHash !== patch.contentHash),
    canDecide: d.status === 'requested' && actor.kind === 'user' && d.requestedBy !== actor.userId && can(actor, 'patch:authorize', d.tenantId),
    isOwnRequest: actor.kind === 'user' && d.requestedBy === actor.userId,
  }));
  const passedRunTenants = new Set(runs.filter((r) => r.isPassed && !r.isStale).map((r) => r.tenantId));
  return {
    patch,
    /** One lifecycle per tenant the actor reads, in tenant-name order. */
    states: states.map((s) => ({
      ...s,
      tenant: tenantName.get(s.tenantId) ?? '',
      hasPassedRun: passedRunTenants.has(s.tenantId),
      canAuthorize: can(actor, 'patch:authorize', s.tenantId),
      pending: decisions.find((d) => d.status === 'requested' && d.tenantId === s.tenantId) ?? null,
    })),
    tenants: tenantRows,
    testTargets: tenantRows
      .filter((t) => testable.includes(t.id))
      .map((t) => ({
        ...t,
        rings: targets.filter((r) => r.tenantId === t.id).map((r) => ({ name: r.ring, assets: r.n })),
        tags: tagTargets.filter((r) => r.tenantId === t.id).map((r) => ({ name: r.tag, assets: r.n })),
      })),
    authorisableTenants: tenantRows.filter((t) => can(actor, 'patch:authorize', t.id)),
    ringNames: [...new Set(ringRows.map((r) => r.name))],
    runs,
    decisions,
    pending: decisions.filter((d) => d.status === 'requested'),
    objections: objectionRows.map(({ o, tenant, byName }) => ({ ...o, tenant, byName })),
    revisions: revisionRows,
  };
}

export type TDecisionView = Awaited<ReturnType<typeof getDecisionView>>;
