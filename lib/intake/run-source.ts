import { eq } from 'drizzle-orm';
import type { TDb } from '@/db/client';
import { advisorySources, intakeRuns } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import { requirePermission, type TActor } from '@/lib/auth/permissions';
import { fetchSource } from '@/lib/connectors/feeds/client';
import { ZAdvisoryFeedConfig } from '@/lib/connectors/feeds/feed-config';
import { AppError } from '@/lib/errors';
import { importDocuments, startIntakeRun } from './import-documents';
import { assertCanImport, isScopeVisible } from './scope';

/**
 * The source, if the actor may run it: a source outside the actor's scopes is not found (another
 * tenant's names stay hidden); one they see but may not import into is forbidden.
 */
export async function getRunnableSource(db: TDb, actor: TActor, sourceId: string) {
  requirePermission(actor, 'patch:import');
  const [source] = await db.select().from(advisorySources).where(eq(advisorySources.id, sourceId));
  if (!source || !isScopeVisible(actor, source.tenantId)) throw new AppError('NOT_FOUND', 'Advisory source not found.');
  assertCanImport(actor, source.tenantId);
  return source;
}

/** A user's "Run now": checked and audited in the source's tenant here; the worker then runs it as a system job. */
export async function requestSourceRun(db: TDb, actor: TActor, sourceId: string) {
  const source = await getRunnableSource(db, actor, sourceId);
  await db.transaction((tx) =>
    writeAudit(tx, actor, {
      tenantId: source.tenantId,
      action: 'intake.source.run',
      targetType: 'advisory_source',
      targetId: source.id,
      after: { name: source.name },
    }),
  );
  return source;
}

/**
 * Fetches a source's documents and imports them as one run, in the source's scope. Fetch failures are recorded in the
 * run's results (retryable ones are retried on the next poll); the source keeps its last status.
 */
export async function runSource(db: TDb, actor: TActor, sourceId: string, trigger: 'manual' | 'schedule', fetchImpl: typeof fetch = fetch) {
  const [source] = await db.select().from(advisorySources).where(eq(advisorySources.id, sourceId));
  if (!source) throw new AppError('NOT_FOUND', 'Advisory source not found.');
  const config = ZAdvisoryFeedConfig.parse(source.config);
  const runId = await startIntakeRun(db, actor, `${trigger}:${source.name}`, 0, source.id, source.tenantId);
  try {
    const fetched = await fetchSource(config, fetchImpl);
    await db.update(intakeRuns).set({ total: fetched.documents.length }).where(eq(intakeRuns.id, runId));
    const summary = await importDocuments(db, actor, fetched.documents, {
      trigger: `${trigger}:${source.name}`,
      runId,
      sourceId: source.id,
      tenantId: source.tenantId,
    });
    if (fetched.errors.length) {
      const results = [
        ...summary.results,
        ...fetched.errors.map((e) => ({ file: e.name, outcome: 'rejected' as const, reason: `${e.reason}${e.retryable ? ' (will retry)' : ''}` })),
      ];
      await db
        .update(intakeRuns)
        .set({ results, rejected: summary.rejected + fetched.errors.length })
        .where(eq(intakeRuns.id, runId));
    }
    const status = `${summary.imported} imported, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.rejected + fetched.errors.length} rejected`;
    await db.update(advisorySources).set({ lastRunAt: new Date(), lastStatus: status }).where(eq(advisorySources.id, source.id));
    return { runId, status };
  } catch (err) {
    await db
      .update(intakeRuns)
      .set({ status: 'failed', error: (err as Error).message, finishedAt: new Date() })
      .where(eq(intakeRuns.id, runId));
    await db
      .update(advisorySources)
      .set({ lastRunAt: new Date(), lastStatus: `failed: ${(err as Error).message}` })
      .where(eq(advisorySources.id, source.id));
    throw err;
  }
}

/** Sources whose poll interval has elapsed. */
export async function dueSources(db: TDb, now = new Date()) {
  const rows = await db.select().from(advisorySources).where(eq(advisorySources.isEnabled, true));
  return rows.filter((s) => s.pollMinutes && (!s.lastRunAt || s.lastRunAt.getTime() + s.pollMinutes * 60_000 <= now.getTime()));
}
