import { eq } from 'drizzle-orm';
import type { TDb } from '@/db/client';
import { auditHead, auditLog } from '@/db/schema';
import { actorLabel, actorUserId, type TActor } from '@/lib/auth/permissions';
import { auditHash } from './chain';

export type TAuditEntry = {
  tenantId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  before?: unknown;
  after?: unknown;
};

/**
 * Appends one audit row. Call inside the transaction that makes the change, so the change and its
 * record commit together. Locking the head row serialises writers and keeps the chain linear.
 */
export async function writeAudit(tx: TDb, actor: TActor, entry: TAuditEntry, now = new Date()): Promise<number> {
  const [head] = await tx.select().from(auditHead).where(eq(auditHead.id, 1)).for('update');
  if (!head) throw new Error('audit_head row missing: migrations incomplete');
  const fields = {
    seq: head.seq + 1,
    at: now.toISOString(),
    actorId: actorUserId(actor),
    actorLabel: actorLabel(actor),
    tenantId: entry.tenantId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    before: entry.before ?? null,
    after: entry.after ?? null,
    prevHash: head.hash,
  };
  const hash = auditHash(fields);
  await tx.insert(auditLog).values({ ...fields, hash });
  await tx.update(auditHead).set({ seq: fields.seq, hash }).where(eq(auditHead.id, 1));
  return fields.seq;
}

/** Only the keys that changed, for compact before/after records. */
export function diffFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): { before: Partial<T>; after: Partial<T> } {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}
