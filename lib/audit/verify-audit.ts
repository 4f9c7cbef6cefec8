import { and, asc, count, eq, gt, inArray, isNull, lt } from 'drizzle-orm';
import type { TDb } from '@/db/client';
import { auditHead, auditLog } from '@/db/schema';
import { requirePermission, tenantsWith, type TActor } from '@/lib/auth/permissions';
import { findBrokenLink, type TChainRow } from './chain';

export type TVerifyResult = { ok: true; rows: number } | { ok: false; rows: number; firstBrokenSeq: number; reason: string };

/** Re-computes the whole chain in batches; names the first broken row. */
export async function verifyAuditChain(db: TDb, batch = 5000): Promise<TVerifyResult> {
  let prev = 'genesis';
  let seq = 0;
  let count = 0;
  for (;;) {
    const rows = await db.select().from(auditLog).where(gt(auditLog.seq, seq)).orderBy(asc(auditLog.seq)).limit(batch);
    if (rows.length === 0) break;
    const broken = findBrokenLink(rows as TChainRow[], prev, seq);
    if (broken) return { ok: false, rows: count, firstBrokenSeq: broken.seq, reason: broken.reason };
    count += rows.length;
    prev = rows[rows.length - 1].hash;
    seq = rows[rows.length - 1].seq;
  }
  const [head] = await db.select().from(auditHead);
  if (head && (head.seq !== seq || head.hash !== prev)) {
    return { ok: false, rows: count, firstBrokenSeq: seq + 1, reason: `chain ends at ${seq} but head says ${head.seq}: rows were removed` };
  }
  return { ok: true, rows: count };
}

/**
 * What one reader learns from a verify: how many entries of their own scope (their audit:read
 * tenants, and platform entries) were checked, and whether the chain breaks at an entry they may
 * read or elsewhere. The walk still covers the whole chain, but nothing about other tenants' entries
 * (their number, where the chain breaks among them) is reported.
 */
export type TScopedVerifyResult = {
  ok: boolean;
  tenantRows: number;
  platformRows: number;
  /** Null when intact; seq null when the break is outside the reader's scope. */
  broken: { seq: number | null; reason: string } | null;
};

export async function verifyAuditForActor(db: TDb, actor: TActor): Promise<TScopedVerifyResult> {
  requirePermission(actor, 'audit:read');
  const tenantIds = tenantsWith(actor, 'audit:read');
  const res = await verifyAuditChain(db);
  // Count only what was checked before the break: later entries were not verified.
  const upTo = res.ok ? undefined : lt(auditLog.seq, res.firstBrokenSeq);
  const [[{ n: tenantRows }], [{ n: platformRows }]] = await Promise.all([
    db
      .select({ n: count() })
      .from(auditLog)
      .where(and(inArray(auditLog.tenantId, tenantIds), upTo)),
    db
      .select({ n: count() })
      .from(auditLog)
      .where(and(isNull(auditLog.tenantId), upTo)),
  ]);
  if (res.ok) return { ok: true, tenantRows, platformRows, broken: null };
  const [row] = await db.select({ tenantId: auditLog.tenantId }).from(auditLog).where(eq(auditLog.seq, res.firstBrokenSeq));
  const isMine = row !== undefined && (row.tenantId === null || tenantIds.includes(row.tenantId));
  return {
    ok: false,
    tenantRows,
    platformRows,
    broken: isMine
      ? { seq: res.firstBrokenSeq, reason: res.reason }
      : { seq: null, reason: 'at an entry outside your tenants; an administrator can run the full check' },
  };
}
