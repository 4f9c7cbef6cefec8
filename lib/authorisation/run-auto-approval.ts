import { randomUUID } from 'node:crypto';
import { and, eq, gt, inArray } from 'drizzle-orm';
import type { TDb } from '@/db/client';
import { applicabilityCounts, autoApprovalObjections, autoApprovalRules, patchDecisions, patches, testRuns } from '@/db/schema';
import type { TActor } from '@/lib/auth/permissions';
import { checkTransition, isAutoApprovalDue } from '@/lib/domain/patch-lifecycle';
import { SEVERITIES, type TSeverity } from '@/lib/domain/types';
import { writeAudit } from '@/lib/audit/write-audit';
import { findRunCounts, loadPatchState, writeStatus } from './patch-state';

type TRule = typeof autoApprovalRules.$inferSelect;
export type TAutoApproval = { ruleId: string; rule: string; tenantId: string; patchId: string; vendorId: string };

/** The actor an auto-approval is attributed to: the rule, by name (audit label `system:rule:<name>`). */
export const ruleActor = (rule: { name: string }): TActor => ({ kind: 'system', label: `rule:${rule.name}` });

const atOrAbove = (min: TSeverity) => SEVERITIES.slice(0, SEVERITIES.indexOf(min) + 1);

/**
 * Runs every enabled auto-approval rule at `now` (the hourly job calls it; tests pass a clock).
 * A rule authorises a patch in its own tenant (never another's) when the patch is new or in testing there, at or above the
 * rule's severity, has a passed test run of its current revision in that tenant (none failed) whose
 * last result is at least `afterDays` old, nobody objected, and no human request is pending. Each
 * approval is its own transaction, recorded as an approved decision with `ruleId` and audited like
 * a person's approval, attributed to the rule.
 */
export async function runAutoApproval(db: TDb, now = new Date()): Promise<TAutoApproval[]> {
  const rules = await db
    .select()
    .from(autoApprovalRules)
    .where(eq(autoApprovalRules.isEnabled, true))
    .orderBy(autoApprovalRules.createdAt, autoApprovalRules.id);
  const approved: TAutoApproval[] = [];
  for (const rule of rules) {
    for (const patchId of await candidates(db, rule)) {
      const done = await approveIfDue(db, rule, patchId, now);
      if (done) approved.push(done);
    }
  }
  return approved;
}

/** Patches a rule may consider: severity high enough, and tested (or applicable) in its tenant. */
async function candidates(db: TDb, rule: TRule): Promise<string[]> {
  const severities = atOrAbove(rule.minSeverity);
  const rows = rule.requirePassedTest
    ? await db
        .selectDistinct({ id: patches.id })
        .from(testRuns)
        .innerJoin(patches, and(eq(patches.id, testRuns.patchId), eq(patches.contentHash, testRuns.patchContentHash)))
        .where(and(eq(testRuns.tenantId, rule.tenantId), inArray(patches.severity, severities)))
    : await db
        .selectDistinct({ id: patches.id })
        .from(applicabilityCounts)
        .innerJoin(patches, eq(patches.id, applicabilityCounts.patchId))
        .where(
          and(
            eq(applicabilityCounts.tenantId, rule.tenantId),
            eq(applicabilityCounts.state, 'missing'),
            gt(applicabilityCounts.n, 0),
            inArray(patches.severity, severities),
          ),
        );
  return rows.map((r) => r.id).sort();
}

async function approveIfDue(db: TDb, rule: TRule, patchId: string, now: Date): Promise<TAutoApproval | null> {
  return db.transaction(async (tx) => {
    const state = await loadPatchState(tx, patchId, rule.tenantId, now, { lock: true });
    if (state.status !== 'new' && state.status !== 'in_testing') return null;
    if (!checkTransition(state.status, 'authorised').ok) return null;
    const [pending] = await tx
      .select({ id: patchDecisions.id })
      .from(patchDecisions)
      .where(and(eq(patchDecisions.tenantId, rule.tenantId), eq(patchDecisions.patchId, patchId), eq(patchDecisions.status, 'requested')));
    if (pending) return null;
    const [objection] = await tx
      .select({ reason: autoApprovalObjections.reason })
      .from(autoApprovalObjections)
      .where(and(eq(autoApprovalObjections.patchId, patchId), eq(autoApprovalObjections.tenantId, rule.tenantId)));
    let since: Date | null;
    let evidence: string;
    if (rule.requirePassedTest) {
      const runs = await findRunCounts(tx, patchId, state.patch.contentHash, [rule.tenantId]);
      // Any failed run of this revision blocks: a later failure outweighs an earlier pass.
      const passed = runs.some((r) => r.failed > 0) ? [] : runs.filter((r) => r.passed > 0);
      const latest = passed
        .map((r) => r.passedAt)
        .filter((d): d is Date => d !== null)
        .sort((a, b) => b.getTime() - a.getTime())[0];
      since = latest ?? null;
      evidence = latest ? `passed test run(s) ${passed.map((r) => r.runId.slice(0, 8)).join(', ')}, last result ${latest.toISOString().slice(0, 10)}` : '';
    } else {
      since = state.patch.published ?? state.patch.createdAt;
      evidence = `published ${since.toISOString().slice(0, 10)} (the rule does not require a test)`;
    }
    if (!isAutoApprovalDue({ severity: state.patch.severity, minSeverity: rule.minSeverity, afterDays: rule.afterDays, since, hasObjection: !!objection, now }))
      return null;

    const justification = `Auto-approved by rule "${rule.name}": severity ${state.patch.severity} (rule: ${rule.minSeverity} or above), ${evidence}, no objection within ${rule.afterDays} day(s).`;
    const id = randomUUID();
    const [decision] = await tx
      .insert(patchDecisions)
      .values({
        id,
        patchId,
        tenantId: rule.tenantId,
        requestGroupId: id,
        kind: 'authorise',
        status: 'approved',
        justification,
        scope: { rings: [] },
        patchVersion: state.version,
        patchContentHash: state.patch.contentHash,
        requestedAt: now,
        decidedAt: now,
        decisionNote: `rule:${rule.name}`,
        ruleId: rule.id,
      })
      .returning({ id: patchDecisions.id });
    const version = await writeStatus(tx, state, { status: 'authorised', needsReview: false }, now);
    await writeAudit(
      tx,
      ruleActor(rule),
      {
        tenantId: rule.tenantId,
        action: 'patch.decision.approve',
        targetType: 'patch',
        targetId: patchId,
        before: { status: state.status, version: state.version },
        after: { status: 'authorised', version, decisionId: decision.id, kind: 'authorise', ruleId: rule.id, rule: rule.name, justification },
      },
      now,
    );
    return { ruleId: rule.id, rule: rule.name, tenantId: rule.tenantId, patchId, vendorId: state.patch.vendorId };
  });
}
