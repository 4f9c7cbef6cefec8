import { createHash } from 'node:crypto';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { TDb } from '@/db/client';
import { kevEntries, patchFixes, patchRevisions, patchStatus, patches } from '@/db/schema';
import { canonicalJson } from '@/lib/audit/chain';
import { writeAudit } from '@/lib/audit/write-audit';
import type { TActor } from '@/lib/auth/permissions';
import type { TPatchDraft } from '@/lib/domain/patch';
import { fixRows } from './fix-rows';
import type { TScope } from './scope';

export type TUpsertOutcome = { patchId: string; outcome: 'imported' | 'updated' | 'unchanged' };

export function draftHash(draft: TPatchDraft): string {
  const { kev: _kev, ...content } = draft;
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/**
 * Idempotent upsert by (source, vendorId) within one scope (a tenant's private advisories or the
 * global catalogue; the two never touch each other's rows): same content → unchanged; changed
 * content (a vendor revision) → the patch is updated in place, its fixes replaced and the previous
 * and new versions kept in patch_revisions. New content is marked as needing assessment in the same
 * transaction, so a crash before the assessment cannot lose it. Runs in the caller's transaction.
 */
export async function upsertPatch(tx: TDb, actor: TActor, draft: TPatchDraft, scope: TScope = null): Promise<TUpsertOutcome> {
  const hash = draftHash(draft);
  const inScope = scope === null ? isNull(patches.tenantId) : eq(patches.tenantId, scope);
  const [existing] = await tx
    .select()
    .from(patches)
    .where(and(eq(patches.source, draft.source), eq(patches.vendorId, draft.vendorId), inScope))
    .for('update');
  if (existing && existing.contentHash === hash) return { patchId: existing.id, outcome: 'unchanged' };
  const maxScore = draft.cvss.reduce<number | null>((m, c) => (m === null || c.score > m ? c.score : m), null);
  const kev = draft.cves.length ? await tx.select().from(kevEntries).where(inArray(kevEntries.cve, draft.cves)) : [];
  const values = {
    tenantId: scope,
    source: draft.source,
    vendorId: draft.vendorId,
    title: draft.title,
    summary: draft.summary ?? null,
    cves: draft.cves,
    severity: draft.severity,
    vendorSeverity: draft.vendorSeverity,
    cvss: draft.cvss,
    cvssScore: maxScore,
    isKev: kev.length > 0,
    kevDateAdded: kev.length ? kev.map((k) => k.dateAdded).sort()[0] : null,
    kevDueDate: kev.length ? kev.map((k) => k.dueDate).sort()[0] : null,
    published: draft.published ? new Date(draft.published) : null,
    revised: draft.revised ? new Date(draft.revised) : null,
    revision: draft.revision,
    references: draft.references,
    contentHash: hash,
    needsAssessment: true,
    updatedAt: new Date(),
  };
  let patchId: string;
  if (existing) {
    await tx.update(patches).set(values).where(eq(patches.id, existing.id));
    await tx.delete(patchFixes).where(eq(patchFixes.patchId, existing.id));
    patchId = existing.id;
    // An authorisation was given for the old content: flag it for review and bump the version, so a
    // decision page loaded before the revision is refused ("reload").
    const flagged = await tx
      .update(patchStatus)
      .set({ needsReview: true, version: sql`${patchStatus.version} + 1`, updatedAt: new Date() })
      .where(and(eq(patchStatus.patchId, existing.id), eq(patchStatus.status, 'authorised')))
      .returning({ tenantId: patchStatus.tenantId, version: patchStatus.version });
    await writeAudit(tx, actor, {
      tenantId: scope,
      action: 'patch.revise',
      targetType: 'patch',
      targetId: patchId,
      before: { revision: existing.revision, revised: existing.revised, contentHash: existing.contentHash },
      after: { revision: draft.revision, revised: draft.revised, contentHash: hash },
    });
    // Each tenant's authorisation is its own: the review flag is audited in that tenant only.
    for (const f of flagged) {
      await writeAudit(tx, actor, {
        tenantId: f.tenantId,
        action: 'patch.needs_review',
        targetType: 'patch',
        targetId: patchId,
        after: { revision: draft.revision, needsReview: true, statusVersion: f.version },
      });
    }
  } else {
    [{ id: patchId }] = await tx.insert(patches).values(values).returning({ id: patches.id });
  }
  const rows = draft.fixes.flatMap(fixRows);
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(patchFixes).values(rows.slice(i, i + 1000).map((r) => ({ ...r, patchId })));
  await tx.insert(patchRevisions).values({ patchId, revision: draft.revision, revised: values.revised, contentHash: hash, snapshot: draft });
  return { patchId, outcome: existing ? 'updated' : 'imported' };
}
