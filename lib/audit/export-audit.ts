import { asc, eq, gt, and } from 'drizzle-orm';
import Papa from 'papaparse';
import type { TDb } from '@/db/client';
import { auditLog, tenants } from '@/db/schema';
import { requirePermission, type TActor } from '@/lib/auth/permissions';
import { auditScope, auditWhere, requireDayRange, type TAuditQuery } from './audit-query';
import { describeChange, describeChangeText } from './change';
import { readsWholePlatform, redactAuditRow } from './redact';

export const AUDIT_EXPORT_FORMATS = ['csv', 'json'] as const;
export type TAuditExportFormat = (typeof AUDIT_EXPORT_FORMATS)[number];

export const AUDIT_CSV_COLUMNS = [
  'seq',
  'at',
  'actor',
  'tenant',
  'action',
  'target_type',
  'target_id',
  'change',
  'before',
  'after',
  'hash',
  'prev_hash',
] as const;

const BATCH = 2000;

type TExportRow = { row: Omit<typeof auditLog.$inferSelect, 'seq'> & { seq: number | null }; tenantName: string | null };

/** Rows of the filtered slice in chain order, read in keyset batches so a large export never sits in memory. */
async function* batches(db: TDb, where: ReturnType<typeof auditWhere>): AsyncGenerator<{ row: typeof auditLog.$inferSelect; tenantName: string | null }[]> {
  let after = 0;
  for (;;) {
    const rows = await db
      .select({ row: auditLog, tenantName: tenants.name })
      .from(auditLog)
      .leftJoin(tenants, eq(tenants.id, auditLog.tenantId))
      .where(and(where, gt(auditLog.seq, after)))
      .orderBy(asc(auditLog.seq))
      .limit(BATCH);
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1].row.seq;
    if (rows.length < BATCH) return;
  }
}

function csvRecord({ row, tenantName }: TExportRow): Record<(typeof AUDIT_CSV_COLUMNS)[number], string | number> {
  return {
    seq: row.seq ?? '',
    at: new Date(row.at).toISOString(),
    actor: row.actorLabel,
    tenant: row.tenantId ? (tenantName ?? row.tenantId) : 'platform',
    action: row.action,
    target_type: row.targetType,
    target_id: row.targetId ?? '',
    change: describeChangeText(row.before, row.after),
    before: row.before === null ? '' : JSON.stringify(row.before),
    after: row.after === null ? '' : JSON.stringify(row.after),
    hash: row.hash,
    prev_hash: row.prevHash,
  };
}

function jsonRecord({ row, tenantName }: TExportRow) {
  return {
    seq: row.seq,
    at: new Date(row.at).toISOString(),
    actor: row.actorLabel,
    tenant: row.tenantId ? { id: row.tenantId, name: tenantName } : null,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    changes: describeChange(row.before, row.after),
    before: row.before,
    after: row.after,
    hash: row.hash,
    prevHash: row.prevHash,
  };
}

/**
 * The audit slice the list shows (same scope and filters, every page, in chain order) as CSV or a
 * JSON array. Permission and the date range are checked before anything streams, so a refusal is a
 * proper 4xx; formula-looking cells are escaped so a spreadsheet never runs them.
 */
export function exportAudit(db: TDb, actor: TActor, query: TAuditQuery, format: TAuditExportFormat): ReadableStream<Uint8Array> {
  requirePermission(actor, 'audit:read');
  const range = requireDayRange(query);
  const scope = auditScope(actor);
  if (!scope) throw new Error('audit scope empty after the permission check');
  const where = auditWhere(scope, query, range);
  const enc = new TextEncoder();
  const source = batches(db, where);
  const whole = readsWholePlatform(db, actor);
  // Awaited in pull(); a stream never read must not leave an unhandled rejection behind.
  void whole.catch(() => undefined);
  let first = true;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const [next, isWhole] = await Promise.all([source.next(), whole]);
      if (next.done) {
        if (format === 'json') controller.enqueue(enc.encode(first ? '[]\n' : '\n]\n'));
        else if (first) controller.enqueue(enc.encode(`${AUDIT_CSV_COLUMNS.join(',')}\r\n`));
        controller.close();
        return;
      }
      const rows: TExportRow[] = next.value.map(({ row, tenantName }) => ({ row: redactAuditRow(row, isWhole), tenantName }));
      const text =
        format === 'csv'
          ? `${Papa.unparse(rows.map(csvRecord), { columns: [...AUDIT_CSV_COLUMNS], header: first, escapeFormulae: true })}\r\n`
          : `${first ? '[\n' : ',\n'}${rows.map((r) => JSON.stringify(jsonRecord(r))).join(',\n')}`;
      first = false;
      controller.enqueue(enc.encode(text));
    },
  });
}
