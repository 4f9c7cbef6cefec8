import { asc, gt } from 'drizzle-orm';
import type { TDb } from '@/db/client';
import { auditHead, auditLog } from '@/db/schema';
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
