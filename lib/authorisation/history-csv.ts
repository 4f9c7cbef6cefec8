import Papa from 'papaparse';
import type { TDb } from '@/db/client';
import type { TActor } from '@/lib/auth/permissions';
import { STATUS_LABEL } from '@/lib/domain/patch-lifecycle';
import { findHistory, type THistoryQuery, type THistoryRow } from './history';

/** An export is a report, not a dump: past this many patches, narrow the filters. */
export const MAX_CSV_ROWS = 50_000;

export const HISTORY_CSV_COLUMNS = [
  'tenant',
  'vendor_id',
  'title',
  'severity',
  'kev',
  'published',
  'status',
  'deferred_until',
  'needs_review',
  'revisions',
  'last_revised',
  'revised_since_test',
  'missing_assets',
  'test_runs',
  'passed_runs',
  'failed_results',
  'last_failure_asset',
  'last_failure_notes',
  'last_decision',
  'last_decision_status',
  'justification',
  'emergency',
  'requested_by',
  'decided_by',
  'decided_at',
  'decision_rings',
] as const;

export function historyCsvRecord(r: THistoryRow): Record<(typeof HISTORY_CSV_COLUMNS)[number], string | number> {
  const d = r.lastDecision;
  return {
    tenant: r.tenant,
    vendor_id: r.vendorId,
    title: r.title,
    severity: r.severity,
    kev: r.isKev ? 'yes' : 'no',
    published: r.published ?? '',
    status: STATUS_LABEL[r.status],
    deferred_until: r.deferredUntil ?? '',
    needs_review: r.needsReview ? 'yes' : 'no',
    revisions: r.revisions,
    last_revised: r.lastRevisedAt ?? '',
    revised_since_test: r.isRevisedSinceTest ? 'yes' : 'no',
    missing_assets: r.missing,
    test_runs: r.runs,
    passed_runs: r.passedRuns,
    failed_results: r.failedResults,
    last_failure_asset: r.lastFailure?.asset ?? '',
    last_failure_notes: r.lastFailure?.notes ?? '',
    last_decision: d?.kind ?? '',
    last_decision_status: d?.status ?? '',
    justification: d?.justification ?? '',
    emergency: d ? (d.isEmergency ? 'yes' : 'no') : '',
    requested_by: d?.requestedBy ?? '',
    decided_by: d ? (d.rule ? `rule:${d.rule}` : (d.decidedBy ?? '')) : '',
    decided_at: d?.at ?? '',
    decision_rings: d ? d.rings.join(' ') || 'all' : '',
  };
}

/**
 * The patch inventory as CSV (RFC 4180 via papaparse), with the page's filters and sort and the same
 * tenant scoping. Cells that a spreadsheet would run as a formula are escaped (justifications are
 * free text).
 */
export async function exportHistoryCsv(db: TDb, actor: TActor, query: THistoryQuery, now = new Date()): Promise<{ csv: string; rows: number }> {
  const page = await findHistory(db, actor, { ...query, page: 1 }, now, { limit: MAX_CSV_ROWS });
  const csv = Papa.unparse(
    { fields: [...HISTORY_CSV_COLUMNS], data: page.rows.map((r) => HISTORY_CSV_COLUMNS.map((c) => historyCsvRecord(r)[c])) },
    { escapeFormulae: true, newline: '\r\n' },
  );
  return { csv: `${csv}\r\n`, rows: page.rows.length };
}
