import { asc, eq, sql } from 'drizzle-orm';
import type { TDb } from '@/db/client';
import { intakeRuns, patches } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import type { TActor } from '@/lib/auth/permissions';
import { trackAfterAssessment } from '@/lib/tracking/after-assessment';
import { assessApplicability, judgePendingLines } from './assess';

/**
 * Full recompute, in batches of patches so progress is visible (an intake run with trigger
 * 'recompute') and each batch is one short transaction. Incremental assessment keeps the table
 * current; this exists for repairs and after changing matching rules.
 */
export async function recomputeApplicability(
  db: TDb,
  actor: TActor,
  opts: { batch?: number; runId?: string; onProgress?: (done: number, total: number) => void } = {},
) {
  const batch = opts.batch ?? 200;
  const all = await db.select({ id: patches.id }).from(patches).orderBy(asc(patches.id));
  const runId =
    opts.runId ??
    (
      await db
        .insert(intakeRuns)
        .values({ trigger: 'recompute', total: all.length, actorId: actor.kind === 'user' ? actor.userId : null })
        .returning({ id: intakeRuns.id })
    )[0].id;
  await db.update(intakeRuns).set({ total: all.length }).where(eq(intakeRuns.id, runId));
  // Lines no assessment has judged yet get their verdicts against every fix first; each batch then
  // re-judges its patches against all lines and rewrites their pairs.
  await db.transaction((tx) => judgePendingLines(tx));
  let done = 0;
  for (let i = 0; i < all.length; i += batch) {
    const ids = all.slice(i, i + batch).map((p) => p.id);
    await db.transaction((tx) => assessApplicability(tx, { patchIds: ids }));
    // A repair moves tracking records with it, without telling contacts again.
    await trackAfterAssessment(db, { scope: { patchIds: ids }, newlyMissing: [] });
    done += ids.length;
    await db.update(intakeRuns).set({ processed: done }).where(eq(intakeRuns.id, runId));
    opts.onProgress?.(done, all.length);
  }
  // Fresh statistics after a bulk rewrite, so later incremental assessments plan index lookups.
  await db.execute(sql`analyze applicability`);
  await db.transaction(async (tx) => {
    await tx.update(intakeRuns).set({ status: 'done', finishedAt: new Date(), processed: done }).where(eq(intakeRuns.id, runId));
    await writeAudit(tx, actor, { tenantId: null, action: 'applicability.recompute', targetType: 'intake_run', targetId: runId, after: { patches: done } });
  });
  return { runId, patches: done };
}
