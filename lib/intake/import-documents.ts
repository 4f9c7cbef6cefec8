import { eq, sql } from 'drizzle-orm';
import { rawRows, type TDb } from '@/db/client';
import { intakeRuns, kevEntries } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write-audit';
import type { TActor } from '@/lib/auth/permissions';
import { transformAdvisory } from '@/lib/connectors/feeds/detect';
import type { TEpssRecord, TKevRecord } from '@/lib/domain/patch';
import { assessApplicability } from './assess';
import { findPendingPatchIds } from './assess-pending';
import { trackAfterAssessment } from '@/lib/tracking/after-assessment';
import { notifyNewlyApplicable } from './notify';
import { assertCanImport, type TScope } from './scope';
import { upsertPatch } from './upsert-patch';

export type TDocument = { name: string; text: string };
export type TFileResult = {
  file: string;
  outcome: 'imported' | 'updated' | 'unchanged' | 'rejected' | 'enriched';
  reason?: string;
  field?: string;
  patches?: number;
};
export type TIntakeSummary = {
  runId: string;
  imported: number;
  updated: number;
  unchanged: number;
  rejected: number;
  results: TFileResult[];
  newlyMissing: number;
};

export type TImportOptions = {
  trigger: string;
  runId?: string;
  sourceId?: string | null;
  /** A tenant's private advisories, or null (the default) for the global catalogue: platform users and system jobs only. */
  tenantId?: TScope;
  /** Runs between storing the documents and assessing them; tests throw from it to leave the crash gap open. */
  beforeAssessment?: () => Promise<void>;
};

/** Starts a run row (in the scope it imports for) so pages can show progress while documents are processed. */
export async function startIntakeRun(
  db: TDb,
  actor: TActor,
  trigger: string,
  total: number,
  sourceId: string | null = null,
  tenantId: TScope = null,
): Promise<string> {
  const [run] = await db
    .insert(intakeRuns)
    .values({ trigger, total, sourceId, tenantId, actorId: actor.kind === 'user' ? actor.userId : null })
    .returning({ id: intakeRuns.id });
  return run.id;
}

/**
 * Imports advisory documents into one scope (a tenant's private advisories or the global catalogue).
 * Each document is one transaction: a malformed one is rejected with the reason (naming the field)
 * and writes nothing, the others go on. Touched patches — and any of the scope a crash left
 * unassessed — are then re-assessed incrementally, and newly applicable critical/KEV patches notify
 * their owners, in the patch's tenant only when it is private.
 */
export async function importDocuments(db: TDb, actor: TActor, docs: TDocument[], opts: TImportOptions): Promise<TIntakeSummary> {
  const scope = opts.tenantId ?? null;
  assertCanImport(actor, scope);
  const runId = opts.runId ?? (await startIntakeRun(db, actor, opts.trigger, docs.length, opts.sourceId ?? null, scope));
  const results: TFileResult[] = [];
  const touched = new Set<string>();
  const counts = { imported: 0, updated: 0, unchanged: 0, rejected: 0 };
  for (const doc of docs) {
    const res = transformAdvisory(doc.text, doc.name);
    let result: TFileResult;
    if (!res.ok) {
      result = { file: doc.name, outcome: 'rejected', reason: res.reason, field: res.field };
    } else if ((res.kind === 'kev' || res.kind === 'epss') && scope !== null) {
      // KEV and EPSS enrich every advisory that names the CVE, in every tenant: catalogue-wide data.
      result = {
        file: doc.name,
        outcome: 'rejected',
        reason: `${res.kind.toUpperCase()} catalogues enrich the global catalogue: only a platform user may import them (choose "Global").`,
      };
    } else if (res.kind === 'kev') {
      const ids = await db.transaction((tx) => applyKev(tx, res.kev.records));
      ids.forEach((id) => touched.add(id));
      result = {
        file: doc.name,
        outcome: 'enriched',
        reason: `KEV catalog ${res.kev.catalogVersion}: ${res.kev.records.length} entries, ${ids.length} patches flagged`,
        patches: ids.length,
      };
    } else if (res.kind === 'epss') {
      const n = await db.transaction((tx) => applyEpss(tx, res.epss.records));
      result = { file: doc.name, outcome: 'enriched', reason: `EPSS: ${res.epss.records.length} scores, ${n} patches scored`, patches: n };
    } else if (res.drafts.length === 0) {
      result = { file: doc.name, outcome: 'rejected', reason: res.warnings[0] ?? 'the document names no patch' };
    } else {
      const outcomes = await db.transaction(async (tx) => {
        const out = [];
        for (const d of res.drafts) out.push(await upsertPatch(tx, actor, d, scope));
        return out;
      });
      const changed = outcomes.filter((o) => o.outcome !== 'unchanged');
      changed.forEach((o) => touched.add(o.patchId));
      const outcome = outcomes.some((o) => o.outcome === 'imported') ? 'imported' : outcomes.some((o) => o.outcome === 'updated') ? 'updated' : 'unchanged';
      result = { file: doc.name, outcome, patches: res.drafts.length };
    }
    if (result.outcome === 'imported' || result.outcome === 'updated' || result.outcome === 'unchanged' || result.outcome === 'rejected')
      counts[result.outcome]++;
    results.push(result);
    await db
      .update(intakeRuns)
      .set({ processed: results.length, ...counts, results })
      .where(eq(intakeRuns.id, runId));
  }
  // Patches of this scope stored by an import that stopped before its assessment are finished now.
  (await findPendingPatchIds(db, scope)).forEach((id) => touched.add(id));
  let newly: Awaited<ReturnType<typeof assessApplicability>>;
  try {
    await opts.beforeAssessment?.();
    newly = touched.size ? await db.transaction((tx) => assessApplicability(tx, { patchIds: [...touched] })) : [];
  } catch (err) {
    // The documents are stored and their patches marked: they are assessed at the next start or import.
    const error = `assessment failed (${(err as Error).message}); the stored advisories are assessed at the next start or import`;
    await db
      .update(intakeRuns)
      .set({ status: 'failed', error, finishedAt: new Date(), processed: results.length, ...counts, results })
      .where(eq(intakeRuns.id, runId));
    throw err;
  }
  await notifyNewlyApplicable(db, newly);
  await trackAfterAssessment(db, { scope: { patchIds: [...touched] }, newlyMissing: newly });
  await db.transaction(async (tx) => {
    await tx
      .update(intakeRuns)
      .set({ status: 'done', finishedAt: new Date(), processed: results.length, ...counts, results })
      .where(eq(intakeRuns.id, runId));
    await writeAudit(tx, actor, {
      tenantId: scope,
      action: 'intake.run',
      targetType: 'intake_run',
      targetId: runId,
      after: { trigger: opts.trigger, scope: scope ?? 'global', ...counts, files: docs.length },
    });
  });
  return { runId, ...counts, results, newlyMissing: newly.length };
}

/** Stores KEV entries and flags every patch naming one of their CVEs; returns the patches flagged. */
async function applyKev(tx: TDb, records: TKevRecord[]): Promise<string[]> {
  for (let i = 0; i < records.length; i += 500) {
    await tx
      .insert(kevEntries)
      .values(records.slice(i, i + 500))
      .onConflictDoUpdate({
        target: kevEntries.cve,
        set: { dateAdded: sql`excluded.date_added`, dueDate: sql`excluded.due_date`, knownRansomware: sql`excluded.known_ransomware` },
      });
  }
  const rows = await rawRows<{ id: string }>(
    tx,
    sql`
    update patches p set is_kev = true,
      kev_date_added = k.date_added, kev_due_date = k.due_date
    from (select p2.id, min(k.date_added) as date_added, min(k.due_date) as due_date
          from patches p2 join kev_entries k on k.cve = any(p2.cves) group by p2.id) k
    where p.id = k.id and (not p.is_kev or p.kev_due_date is distinct from k.due_date)
    returning p.id`,
  );
  return rows.map((r) => r.id);
}

/** Sets each patch's EPSS to the highest score among its CVEs. */
async function applyEpss(tx: TDb, records: TEpssRecord[]): Promise<number> {
  const json = JSON.stringify(records.map((r) => ({ cve: r.cve, epss: r.epss })));
  const rows = await rawRows<{ id: string }>(
    tx,
    sql`
    update patches p set epss = s.epss
    from (select p2.id, max(e.epss) as epss
          from patches p2 join jsonb_to_recordset(${json}::jsonb) as e(cve text, epss real) on e.cve = any(p2.cves)
          group by p2.id) s
    where p.id = s.id
    returning p.id`,
  );
  return rows.length;
}
