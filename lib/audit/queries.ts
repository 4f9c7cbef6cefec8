import { and, asc, count, desc, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { TDb } from '@/db/client';
import { auditLog, tenants } from '@/db/schema';
import { tenantsWith, type TActor } from '@/lib/auth/permissions';
import { likePattern, listQuerySchema } from '@/lib/list-query';

export const ZAuditQuery = listQuerySchema(['seq', 'action', 'actor'] as const, 'seq').extend({
  tenant: z.string().uuid().optional().catch(undefined),
  action: z.string().max(60).optional().catch(undefined),
});
export type TAuditQuery = z.infer<typeof ZAuditQuery>;

/** Audit rows of the actor's tenants (audit:read), newest first by default. */
export async function findAudit(db: TDb, actor: TActor, query: TAuditQuery) {
  const tenantIds = tenantsWith(actor, 'audit:read');
  if (tenantIds.length === 0) return { rows: [], total: 0, page: query.page, size: query.size, actions: [] as string[] };
  const where: SQL[] = [inArray(auditLog.tenantId, tenantIds)];
  if (query.tenant) where.push(eq(auditLog.tenantId, query.tenant));
  if (query.action) where.push(eq(auditLog.action, query.action));
  if (query.q) {
    const p = likePattern(query.q);
    where.push(or(ilike(auditLog.actorLabel, p), ilike(auditLog.action, p), ilike(auditLog.targetId, p)) as SQL);
  }
  const cond = and(...where);
  const col = { seq: auditLog.seq, action: auditLog.action, actor: auditLog.actorLabel }[query.sort.id];
  // Newest first unless the user asked otherwise: the default sort of this list is seq descending.
  const isDefault = query.sort.id === 'seq' && !query.sort.desc;
  const order = isDefault || query.sort.desc ? desc(col) : asc(col);
  const [rows, [{ total }], actions] = await Promise.all([
    db
      .select({ row: auditLog, tenantName: tenants.name })
      .from(auditLog)
      .leftJoin(tenants, eq(tenants.id, auditLog.tenantId))
      .where(cond)
      .orderBy(order, desc(auditLog.seq))
      .limit(query.size)
      .offset((query.page - 1) * query.size),
    db.select({ total: count() }).from(auditLog).where(cond),
    db.selectDistinct({ action: auditLog.action }).from(auditLog).where(inArray(auditLog.tenantId, tenantIds)).orderBy(auditLog.action),
  ]);
  return { rows, total, page: query.page, size: query.size, actions: actions.map((a) => a.action) };
}

/** The audit trail of one object, for its detail page. */
export async function findAuditForTarget(db: TDb, actor: TActor, targetType: string, targetId: string, limit = 20) {
  const tenantIds = tenantsWith(actor, 'audit:read');
  if (tenantIds.length === 0) return [];
  return db
    .select()
    .from(auditLog)
    .where(and(inArray(auditLog.tenantId, tenantIds), eq(auditLog.targetType, targetType), eq(auditLog.targetId, targetId)))
    .orderBy(desc(auditLog.seq))
    .limit(limit);
}
