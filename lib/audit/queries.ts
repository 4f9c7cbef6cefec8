import { and, asc, count, desc, eq } from 'drizzle-orm';
import type { TDb } from '@/db/client';
import { auditLog, tenants } from '@/db/schema';
import type { TActor } from '@/lib/auth/permissions';
import { auditScope, auditWhere, type TAuditQuery, type TDayRange } from './audit-query';
import { readsWholePlatform, redactAuditRow } from './redact';

export { ZAuditQuery, type TAuditQuery } from './audit-query';

/**
 * Audit rows the actor reads (their audit:read tenants plus platform rows, which carry no tenant),
 * filtered, newest first by default, with the action and actor facets of that scope; redacted for a
 * reader of some tenants only (redact.ts).
 */
export async function findAudit(db: TDb, actor: TActor, query: TAuditQuery, range: TDayRange) {
  const scope = auditScope(actor);
  const empty = { rows: [], total: 0, page: query.page, size: query.size, actions: [] as string[], actors: [] as string[] };
  if (!scope) return empty;
  const cond = auditWhere(scope, query, range);
  const col = { seq: auditLog.seq, action: auditLog.action, actor: auditLog.actorLabel }[query.sort.id];
  // `seq:asc` (the default) reads newest first, as every date-like column of the app does (DataTable's descendingFirst).
  const isDesc = query.sort.id === 'seq' ? !query.sort.desc : query.sort.desc;
  const order = isDesc ? desc(col) : asc(col);
  const [rows, [{ total }], actions, actors] = await Promise.all([
    db
      .select({ row: auditLog, tenantName: tenants.name })
      .from(auditLog)
      .leftJoin(tenants, eq(tenants.id, auditLog.tenantId))
      .where(cond)
      .orderBy(order, desc(auditLog.seq))
      .limit(query.size)
      .offset((query.page - 1) * query.size),
    db.select({ total: count() }).from(auditLog).where(cond),
    db.selectDistinct({ action: auditLog.action }).from(auditLog).where(scope).orderBy(auditLog.action),
    db.selectDistinct({ actor: auditLog.actorLabel }).from(auditLog).where(scope).orderBy(auditLog.actorLabel),
  ]);
  const isWhole = await readsWholePlatform(db, actor);
  return {
    rows: rows.map(({ row, tenantName }) => ({ row: redactAuditRow(row, isWhole), tenantName })),
    total,
    page: query.page,
    size: query.size,
    actions: actions.map((a) => a.action),
    actors: actors.map((a) => a.actor),
  };
}

/** The audit trail of one object, for its detail page: its tenant's rows and platform rows about it. */
export async function findAuditForTarget(db: TDb, actor: TActor, targetType: string, targetId: string, limit = 20) {
  const scope = auditScope(actor);
  if (!scope) return [];
  const [rows, isWhole] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(and(scope, eq(auditLog.targetType, targetType), eq(auditLog.targetId, targetId)))
      .orderBy(desc(auditLog.seq))
      .limit(limit),
    readsWholePlatform(db, actor),
  ]);
  return rows.map((r) => redactAuditRow(r, isWhole));
}
