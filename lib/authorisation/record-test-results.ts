import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { TDb } from '@/db/client';
import { assets, testResults } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import { actorUserId, requirePermission, type TActor } from '@/lib/auth/permissions';
import { TEST_OUTCOMES, type TTestOutcome } from '@/lib/domain/patch-lifecycle';
import { AppError, parseInput } from '@/lib/errors';
import { loadRunForTest, writeRunStatus } from './record-test-result';

export const ZRecordTestResults = z
  .object({
    runId: z.string().uuid(),
    /** The assets to mark; `all: true` marks every asset of the run instead. */
    assetIds: z.array(z.string().uuid()).max(5000).default([]),
    all: z.boolean().default(false),
    outcome: z.enum(TEST_OUTCOMES, { error: 'Choose passed, failed or blocked.' }),
    notes: z
      .string()
      .trim()
      .max(4000, 'Notes are limited to 4,000 characters.')
      .nullish()
      .transform((s) => s || null),
  })
  .refine((r) => r.all || r.assetIds.length > 0, { path: ['assetIds'], message: 'Select at least one asset, or mark all of them.' })
  // The same rule as one result: a failure nobody explained cannot be acted on later.
  .refine((r) => r.outcome === 'passed' || !!r.notes, { path: ['notes'], message: 'Say why the tests failed or were blocked.' });
export type TRecordTestResults = z.input<typeof ZRecordTestResults>;

export type TResultWrite = { assetId: string; outcome: TTestOutcome; notes: string | null };
type TRun = Awaited<ReturnType<typeof loadRunForTest>>;

/** The run's results with asset names, locked for the write. */
export async function lockRunResults(tx: TDb, runId: string) {
  return tx
    .select({ assetId: testResults.assetId, asset: assets.name, outcome: testResults.outcome, notes: testResults.notes })
    .from(testResults)
    .innerJoin(assets, eq(assets.id, testResults.assetId))
    .where(eq(testResults.runId, runId))
    .orderBy(assets.name)
    .for('update', { of: testResults });
}

/**
 * Writes several results of one run and the run's new status, with one audit row listing every
 * asset (before → after). Results that already say the same are left alone. Runs inside the
 * caller's transaction.
 */
export async function writeRunResults(
  tx: TDb,
  actor: TActor,
  run: TRun,
  current: Awaited<ReturnType<typeof lockRunResults>>,
  writes: readonly TResultWrite[],
  audit: { action: string; extra?: Record<string, unknown> },
  now: Date,
) {
  const byAsset = new Map(current.map((r) => [r.assetId, r]));
  const changed = writes.flatMap((w) => {
    const was = byAsset.get(w.assetId);
    return was && (was.outcome !== w.outcome || was.notes !== w.notes) ? [{ ...w, was }] : [];
  });
  for (const w of changed) {
    await tx
      .update(testResults)
      .set({ outcome: w.outcome, notes: w.notes, recordedBy: actorUserId(actor), recordedAt: now })
      .where(and(eq(testResults.runId, run.id), eq(testResults.assetId, w.assetId)));
  }
  if (changed.length === 0) return { runStatus: run.status, recorded: 0, unchanged: writes.length };
  const outcomes = current.map((r) => changed.find((w) => w.assetId === r.assetId)?.outcome ?? r.outcome);
  const status = await writeRunStatus(tx, run, outcomes, now);
  await writeAudit(
    tx,
    actor,
    {
      tenantId: run.tenantId,
      action: audit.action,
      targetType: 'patch',
      targetId: run.patchId,
      before: {
        runId: run.id,
        runStatus: run.status,
        results: changed.map((w) => ({ assetId: w.assetId, asset: w.was.asset, outcome: w.was.outcome, notes: w.was.notes })),
      },
      after: {
        runId: run.id,
        runStatus: status,
        results: changed.map((w) => ({ assetId: w.assetId, asset: w.was.asset, outcome: w.outcome, notes: w.notes })),
        ...audit.extra,
      },
    },
    now,
  );
  return { runStatus: status, recorded: changed.length, unchanged: writes.length - changed.length };
}

/**
 * Marks all or the selected assets of a test run passed, failed or blocked with one note, in one
 * transaction with one audit row for the run. An asset that is not part of the run refuses the
 * whole request: nothing is written.
 */
export async function recordTestResults(db: TDb, actor: TActor, raw: TRecordTestResults, now = new Date()) {
  requirePermission(actor, 'patch:test');
  const input = parseInput(ZRecordTestResults, raw, 'Invalid test results.');
  return db.transaction(async (tx) => {
    const run = await loadRunForTest(tx, actor, input.runId);
    const current = await lockRunResults(tx, run.id);
    const inRun = new Set(current.map((r) => r.assetId));
    const ids = input.all ? [...inRun] : [...new Set(input.assetIds)];
    const outside = ids.filter((id) => !inRun.has(id));
    if (outside.length)
      throw new AppError(
        'NOT_FOUND',
        `${outside.length} of the selected assets ${outside.length === 1 ? 'is' : 'are'} not part of this test run; nothing was recorded.`,
        [{ field: 'assetIds', message: 'Not in this run' }],
      );
    const writes = ids.map((assetId) => ({ assetId, outcome: input.outcome, notes: input.notes }));
    return writeRunResults(tx, actor, run, current, writes, { action: 'patch.test.results', extra: { outcome: input.outcome, all: input.all } }, now);
  });
}
