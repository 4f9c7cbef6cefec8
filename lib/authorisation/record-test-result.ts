import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { TDb } from '@/db/client';
import { testResults, testRuns } from '@/db/schema';
import { diffFields, writeAudit } from '@/lib/audit/write-audit';
import { actorUserId, requirePermission, requireTenantAccess, type TActor } from '@/lib/auth/permissions';
import { countOutcomes, HEALTH_CHECKS, runStatus, TEST_OUTCOMES } from '@/lib/domain/patch-lifecycle';
import { AppError, parseInput } from '@/lib/errors';

const ZLink = z
  .string()
  .trim()
  .url('Evidence links must be full URLs (https://…).')
  .refine((u) => /^https?:\/\//i.test(u), 'Evidence links must start with http:// or https://.');

export const ZRecordTestResult = z
  .object({
    runId: z.string().uuid(),
    assetId: z.string().uuid(),
    outcome: z.enum(TEST_OUTCOMES, { error: 'Choose passed, failed or blocked.' }),
    notes: z
      .string()
      .trim()
      .max(4000, 'Notes are limited to 4,000 characters.')
      .nullish()
      .transform((s) => s || null),
    healthCheck: z.enum(HEALTH_CHECKS, { error: 'Choose a health-check outcome.' }).optional(),
    evidenceLinks: z.array(ZLink).max(20, 'At most 20 evidence links.').default([]),
  })
  // A failure nobody explained cannot be acted on later ("failed tests never applied and why").
  .refine((r) => r.outcome === 'passed' || !!r.notes, { path: ['notes'], message: 'Say why the test failed or was blocked.' });
export type TRecordTestResult = z.input<typeof ZRecordTestResult>;

/** Loads a run the actor may test in; NOT_FOUND for unknown runs and other tenants' runs. */
export async function loadRunForTest(tx: TDb, actor: TActor, runId: string) {
  const [run] = await tx.select().from(testRuns).where(eq(testRuns.id, runId));
  if (!run) throw new AppError('NOT_FOUND', 'Test run not found.');
  requireTenantAccess(actor, run.tenantId, 'patch:test');
  return run;
}

/**
 * A run's status from its results' outcomes, written to the run: it completes (keeping the first
 * completion time) when no result is pending, and reopens when one is pending again.
 */
export async function writeRunStatus(tx: TDb, run: { id: string; completedAt: Date | null }, outcomes: readonly string[], now: Date) {
  const status = runStatus(countOutcomes(outcomes));
  await tx
    .update(testRuns)
    .set({ status, completedAt: status === 'open' ? null : (run.completedAt ?? now) })
    .where(eq(testRuns.id, run.id));
  return status;
}

/**
 * Records (or corrects) one asset's result in a test run, entered by hand: results come from people
 * until a deployment connector reports them. The run completes when no result is pending.
 */
export async function recordTestResult(db: TDb, actor: TActor, raw: TRecordTestResult, now = new Date()): Promise<{ runStatus: string }> {
  requirePermission(actor, 'patch:test');
  const input = parseInput(ZRecordTestResult, raw, 'Invalid test result.');
  return db.transaction(async (tx) => {
    const run = await loadRunForTest(tx, actor, input.runId);
    const [result] = await tx
      .select()
      .from(testResults)
      .where(and(eq(testResults.runId, run.id), eq(testResults.assetId, input.assetId)))
      .for('update');
    if (!result) throw new AppError('NOT_FOUND', 'That asset is not part of this test run.');
    const changes = { outcome: input.outcome, notes: input.notes, healthCheck: input.healthCheck ?? null, evidenceLinks: input.evidenceLinks };
    const { before, after } = diffFields(result as unknown as Record<string, unknown>, changes);
    if (Object.keys(after).length === 0) return { runStatus: run.status };
    await tx
      .update(testResults)
      .set({ ...changes, recordedBy: actorUserId(actor), recordedAt: now })
      .where(and(eq(testResults.runId, run.id), eq(testResults.assetId, input.assetId)));
    const outcomes = await tx.select({ outcome: testResults.outcome }).from(testResults).where(eq(testResults.runId, run.id));
    const status = await writeRunStatus(
      tx,
      run,
      outcomes.map((o) => o.outcome),
      now,
    );
    await writeAudit(
      tx,
      actor,
      {
        tenantId: run.tenantId,
        action: 'patch.test.result',
        targetType: 'patch',
        targetId: run.patchId,
        before: { runId: run.id, assetId: input.assetId, ...before },
        after: { runId: run.id, assetId: input.assetId, runStatus: status, ...after },
      },
      now,
    );
    return { runStatus: status };
  });
}
