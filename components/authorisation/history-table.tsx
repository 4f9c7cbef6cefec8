'use client';
import { AdvisoryCell } from '@/components/patches/advisory-cell';
import type { ColumnDef } from '@tanstack/react-table';
import { SeverityCell } from '@/components/patches/severity-badge';
import { Badge } from '@/components/ui/badge';
import { DataTable, type TSortState } from '@/components/ui/data-table';
import { FilterBar, type TFilterDef } from '@/components/ui/filter-bar';
import type { THistoryRow } from '@/lib/authorisation/history';
import { PatchStatusBadge } from './status-badge';

const columns: ColumnDef<THistoryRow, unknown>[] = [
  {
    id: 'vendor_id',
    header: 'Advisory',
    cell: ({ row }) => (
      <AdvisoryCell
        href={`/patches/${row.original.id}/decide?tenant=${row.original.tenantSlug}`}
        vendorId={row.original.vendorId}
        title={row.original.title}
        className="max-w-xs"
      />
    ),
  },
  { id: 'tenant', header: 'Tenant', cell: ({ row }) => <span className="whitespace-nowrap text-xs text-slate-700">{row.original.tenant}</span> },
  {
    id: 'severity',
    header: 'Severity',
    cell: ({ row }) => <SeverityCell severity={row.original.severity} isKev={row.original.isKev} />,
  },
  {
    id: 'status',
    header: 'Status',
    cell: ({ row }) => <PatchStatusBadge status={row.original.status} deferredUntil={row.original.deferredUntil} needsReview={row.original.needsReview} />,
  },
  {
    id: 'tests',
    header: 'Test runs',
    cell: ({ row }) => (
      <span className="text-xs tabular-nums">
        {row.original.runs === 0 ? <span className="text-slate-400">none</span> : `${row.original.passedRuns} of ${row.original.runs} passed`}
      </span>
    ),
  },
  {
    id: 'failed',
    header: 'Failed tests',
    cell: ({ row }) =>
      row.original.failedResults === 0 ? (
        <span className="text-slate-400">0</span>
      ) : (
        <div className="max-w-xs whitespace-normal text-xs">
          <span className="font-medium text-red-700">{row.original.failedResults} failed</span>
          {row.original.lastFailure ? (
            <span className="block truncate text-slate-600" title={row.original.lastFailure.notes ?? ''}>
              {row.original.lastFailure.asset}: {row.original.lastFailure.notes ?? 'no note'}
            </span>
          ) : null}
        </div>
      ),
  },
  {
    id: 'revisions',
    header: 'Revisions',
    cell: ({ row }) => (
      <span className="flex items-center gap-1 text-xs">
        {row.original.revisions}
        {row.original.isRevisedSinceTest ? <Badge tone="amber">revised since test</Badge> : null}
      </span>
    ),
  },
  {
    id: 'decided',
    header: 'Last decision',
    cell: ({ row }) => {
      const d = row.original.lastDecision;
      if (!d) return <span className="text-slate-400">—</span>;
      return (
        <div className="max-w-sm whitespace-normal text-xs">
          <span className="font-medium capitalize">{d.kind}</span> {d.status}
          {d.isEmergency ? ' (emergency)' : ''} · {d.rule ? `rule ${d.rule}` : `${d.requestedBy ?? '?'}${d.decidedBy ? ` → ${d.decidedBy}` : ''}`} ·{' '}
          {d.at?.slice(0, 10)}
          <span className="block truncate text-slate-600" title={d.justification}>
            {d.justification}
          </span>
        </div>
      );
    },
  },
  { id: 'published', header: 'Published', cell: ({ row }) => <span className="text-xs">{row.original.published?.slice(0, 10) ?? '—'}</span> },
];

export function HistoryTable(props: { rows: THistoryRow[]; total: number; page: number; pageSize: number; sort: TSortState; filters: TFilterDef[] }) {
  const { filters, ...rest } = props;
  return (
    <>
      <FilterBar filters={filters} searchPlaceholder="Search advisory id, title or CVE…" />
      <DataTable
        label="Patch history"
        columns={columns}
        sortable={['vendor_id', 'severity', 'status', 'failed', 'decided', 'published']}
        descendingFirst={['failed', 'decided', 'published']}
        getRowId={(r) => `${r.id}/${r.tenantId}`}
        empty="No patch matches. Import advisories on the Intake page, or clear the filters."
        {...rest}
      />
    </>
  );
}
