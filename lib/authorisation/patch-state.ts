import { and, eq, inArray, sql } from 'drizzle-orm';
import type { TDb } from '@/db/client';
import { patchStatus, patches, testResults, testRuns } from '@/db/schema';
import { checkTransition, effectiveStatus, isPassedRun, toPatchStatus, utcDate, type TPatchStatus } from '@/lib/domain/patch-lifecycle';
import { AppError } from '@/lib/errors';
import { isPatchVisible } from '@/lib/intake/scope';

/** The one message for every optimistic-concurrency refusal of a decision. */
export const STALE_PATCH = 'The patch changed since you loaded the page — reload';

export type TPatchState = {
  patch: typeof patches.$inferSelect;
  /** The tenant whose lifecycle this is: each tenant tests and decides for itself. */
  tenantId: string;
  /** As stored; `new` without a row. */
  stored: TPatchStatus;
  /** As it counts at `now` (an ended deferral counts as new). */
  status: TPatchStatus;
  deferredUntil: string | null;
  needsReview: boolean;
  /** Concurrency token: 0 while the patch has no status row. */
  version: number;
};

/**
 * Loads a patch and one tenant's lifecycle state of it. With `lock`, the patch row is locked first:
 * intake's upsert locks the same row when a vendor revision arrives, so a decision and a revision
 * never interleave and the content-hash check below is exact. The caller has checked the tenant.
 */
export async function loadPatchState(tx: TDb, patchId: string, tenantId: string, now: Date, opts: { lock?: boolean } = {}): Promise<TPatchState> {
  const q = tx.select().from(patches).where(eq(patches.id, patchId));
  const [patch] = opts.lock ? await q.for('update') : await q;
  // Another tenant's private advisory does not exist for this tenant.
  if (!patch || !isPatchVisible(patch, [tenantId])) throw new AppError('NOT_FOUND', 'Patch not found.');
  return loadTenantState(tx, patch, tenantId, now, opts);
}

/** One tenant's state of an already loaded (and, with `lock`, locked) patch. */
export async function loadTenantState(
  tx: TDb,
  patch: typeof patches.$inferSelect,
  tenantId: string,
  now: Date,
  opts: { lock?: boolean } = {},
): Promise<TPatchState> {
  const s = tx
    .select()
    .from(patchStatus)
    .where(and(eq(patchStatus.tenantId, tenantId), eq(patchStatus.patchId, patch.id)));
  const [row] = opts.lock ? await s.for('update') : await s;
  return stateOf(patch, tenantId, row, now);
}

/** Every listed tenant's state of a patch (unlocked: pages). */
export async function loadTenantStates(tx: TDb, patch: typeof patches.$inferSelect, tenantIds: readonly string[], now: Date): Promise<TPatchState[]> {
  if (tenantIds.length === 0) return [];
  const rows = await tx
    .select()
    .from(patchStatus)
    .where(and(eq(patchStatus.patchId, patch.id), inArray(patchStatus.tenantId, [...tenantIds])));
  return tenantIds.map((t) =>
    stateOf(
      patch,
      t,
      rows.find((r) => r.tenantId === t),
      now,
    ),
  );
}

function stateOf(patch: typeof patches.$inferSelect, tenantId: string, row: typeof patchStatus.$inferSelect | undefined, now: Date): TPatchState {
  const stored = row ? toPatchStatus(row.status) : 'new';
  return {
    patch,
    tenantId,
    stored,
    status: effectiveStatus(row ? { status: stored, deferredUntil: row.deferredUntil } : null, now),
    deferredUntil: row?.deferredUntil ?? null,
    needsReview: row?.needsReview ?? false,
    version: row?.version ?? 0,
  };
}

/** Refuses with CONFLICT when the page's view (status version, content hash) is not the current one. */
export function assertFresh(state: TPatchState, seen: { version: number; contentHash: string }): void {
  if (state.version !== seen.version || state.patch.contentHash !== seen.contentHash) throw new AppError('CONFLICT', STALE_PATCH);
}

export function assertTransition(state: TPatchState, to: TPatchStatus): void {
  const res = checkTransition(state.status, to, { needsReview: state.needsReview });
  if (!res.ok) throw new AppError('VALIDATION', res.message);
}

/**
 * Writes the new status and bumps the version (the caller holds the locks of loadPatchState).
 * Returns the new version.
 */
export async function writeStatus(
  tx: TDb,
  state: TPatchState,
  next: { status: TPatchStatus; deferredUntil?: string | null; needsReview?: boolean },
  now: Date,
): Promise<number> {
  const version = state.version + 1;
  const values = {
    status: next.status,
    deferredUntil: next.deferredUntil ?? null,
    needsReview: next.needsReview ?? state.needsReview,
    version,
    updatedAt: now,
  };
  const written =
    state.version === 0
      ? await tx
          .insert(patchStatus)
          .values({ tenantId: state.tenantId, patchId: state.patch.id, ...values })
          .onConflictDoNothing()
          .returning({ v: patchStatus.version })
      : await tx
          .update(patchStatus)
          .set(values)
          .where(and(eq(patchStatus.tenantId, state.tenantId), eq(patchStatus.patchId, state.patch.id), eq(patchStatus.version, state.version)))
          .returning({ v: patchStatus.version });
  if (written.length === 0) throw new AppError('CONFLICT', STALE_PATCH);
  return version;
}

/** The day as PostgreSQL compares deferral dates. */
export const today = (now: Date) => utcDate(now);

export type TRunCounts = { runId: string; tenantId: string; passed: number; failed: number; passedAt: Date | null };

/**
 * Result counts of the test runs of the patch's current revision in the given tenants. A run started
 * before a vendor revision is stale and is left out. `passedAt` is the run's last recorded result
 * (what "N days after the test run" counts from).
 */
export async function findRunCounts(tx: TDb, patchId: string, contentHash: string, tenantIds: readonly string[]): Promise<TRunCounts[]> {
  if (tenantIds.length === 0) return [];
  const rows = await tx
    .select({
      runId: testRuns.id,
      tenantId: testRuns.tenantId,
      passed: sql<number>`count(*) filter (where ${testResults.outcome} = 'passed')::int`,
      failed: sql<number>`count(*) filter (where ${testResults.outcome} = 'failed')::int`,
      passedAt: sql<string | Date | null>`max(${testResults.recordedAt})`,
    })
    .from(testRuns)
    .innerJoin(testResults, eq(testResults.runId, testRuns.id))
    .where(and(eq(testRuns.patchId, patchId), eq(testRuns.patchContentHash, contentHash), inArray(testRuns.tenantId, [...tenantIds])))
    .groupBy(testRuns.id, testRuns.tenantId);
  return rows.map((r) => ({ ...r, passedAt: r.passedAt ? new Date(r.passedAt) : null }));
}

/** Passed runs (at least one passed result, none failed) of the current revision in the tenants. */
export async function findPassedRuns(tx: TDb, patchId: string, contentHash: string, tenantIds: readonly string[]): Promise<TRunCounts[]> {
  return (await findRunCounts(tx, patchId, contentHash, tenantIds)).filter((r) => isPassedRun({ passed: r.passed, failed: r.failed, blocked: 0, pending: 0 }));
}
