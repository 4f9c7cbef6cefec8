import { and, eq, isNull } from 'drizzle-orm';
import type { TDb } from '@/db/client';
import { intakeRuns, patches } from '@/db/schema';
import { assessApplicability } from './assess';
import { trackAfterAssessment } from '@/lib/tracking/after-assessment';
import { notifyNewlyApplicable } from './notify';
import type { TScope } from './scope';

/**
 * Patches whose stored content was never assessed: an import stores each document in its own
 * transaction and assesses afterwards, and a crash in between leaves the flag set. `scope` limits
 * them to one tenant's private advisories or the global catalogue; omitted, every scope.
 */
export async function findPendingPatchIds(db: TDb, scope?: TScope): Promise<string[]> {
  const inScope = scope === undefined ? undefined : scope === null ? isNull(patches.tenantId) : eq(patches.tenantId, scope);
  const rows = await db
    .select({ id: patches.id })
    .from(patches)
    .where(and(eq(patches.needsAssessment, true), inScope));
  return rows.map((r) => r.id);
}

/**
 * Finishes what a crashed import left: assesses every pending patch (which clears its flag) and
 * sends the notifications the import would have sent. Run at start-up, as pending software lines are.
 */
export async function assessPendingPatches(db: TDb): Promise<number> {
  const ids = await findPendingPatchIds(db);
  if (ids.length === 0) return 0;
  const newly = await db.transaction((tx) => assessApplicability(tx, { patchIds: ids }));
  await notifyNewlyApplicable(db, newly);
  await trackAfterAssessment(db, { scope: { patchIds: ids }, newlyMissing: newly });
  return ids.length;
}

/**
 * Runs a stopped process left 'running' are marked failed, so the intake page stops waiting for them
 * (their stored advisories are assessed by assessPendingPatches). Call it only where this process is
 * the database's only one (embedded PGlite): on a shared server another instance may be mid-run.
 */
export async function failInterruptedRuns(db: TDb): Promise<number> {
  const rows = await db
    .update(intakeRuns)
    .set({ status: 'failed', error: 'interrupted: the server stopped before the run finished', finishedAt: new Date() })
    .where(eq(intakeRuns.status, 'running'))
    .returning({ id: intakeRuns.id });
  return rows.length;
}
