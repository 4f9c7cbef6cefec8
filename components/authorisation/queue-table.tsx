'use client';
import { AdvisoryCell } from '@/components/patches/advisory-cell';
import type { ColumnDef } from '@tanstack/react-table';
import Link from 'next/link';
import { SeverityCell } from '@/components/patches/severity-badge';
import { Badge } from '@/components/ui/badge';
import { DataTable } from '@/components/ui/data-table';
import { FilterBar, type TFilterDef } from '@/components/ui/filter-bar';
import type { TQueueRow } from '@/lib/authorisation/queries';
import { PatchStatusBadge } from './status-badge';

/** The decision page, opened on the row's tenant. */
const decideHref = (r: TQueueRow) => `/patches/${r.id}/decide?tenant=${r.tenantSlug}`;

const columns = (nowIso: string): ColumnDef<TQueueRow, unknown>[] => [
  {
    id: 'advisory',
    header: 'Advisory',
    cell: ({ row }) => <AdvisoryCell href={decideHref(row.original)} vendorId={row.original.vendorId} title={row.original.title} testId="queue-patch" />,
  },
  { id: 'tenant', header: 'Tenant', cell: ({ row }) => <span className="whitespace-nowrap text-slate-700">{row.original.tenant}</span> },
  {
    id: 'severity',
    header: 'Severity',
    cell: ({ row }) => <SeverityCell severity={row.original.severity} isKev={row.original.isKev} />,
  },
  {
    id: 'due',
    header: 'SLA due',
    cell: ({ row }) => {
      const due = row.original.due;
      if (!due) return <span className="text-slate-400">—</span>;
      const isOverdue = due < nowIso;
      return (
        <span className={isOverdue ? 'font-medium text-red-700' : 'text-slate-700'} title="Publication + this tenant's SLA days for the severity">
          {due.slice(0, 10)}
          {isOverdue ? ' · overdue' : ''}
        </span>
      );
    },
  },
  { id: 'affected', header: 'Missing on', cell: ({ row }) => <span className="tabular-nums">{row.original.affected} assets</span> },
  {
    id: 'status',
    header: 'Status',
    cell: ({ row }) => (
      <span className="flex flex-wrap items-center gap-1">
        <PatchStatusBadge
          status={row.original.status}
          stored={row.original.stored}
          deferredUntil={row.original.deferredUntil}
          needsReview={row.original.needsReview}
        />
        {row.original.isAwaitingMe ? (
          <Badge tone="purple" data-testid="awaiting-me">
            awaiting my approval
          </Badge>
        ) : row.original.hasPendingRequest ? (
          <Badge tone="neutral">awaiting a second approver</Badge>
        ) : null}
      </span>
    ),
  },
  { id: 'runs', header: 'Runs', cell: ({ row }) => <span className="tabular-nums">{row.original.runs}</span> },
  {
    id: 'open',
    header: '',
    cell: ({ row }) => (
      <Link
        href={decideHref(row.original)}
        className="whitespace-nowrap text-sm text-brand-600 hover:underline"
        aria-label={`${row.original.isAwaitingMe ? 'Review the request for' : 'Test and decide'} ${row.original.vendorId} in ${row.original.tenant}`}
      >
        {row.original.isAwaitingMe ? 'Review →' : 'Open →'}
      </Link>
    ),
  },
];

/** The testing queue per patch × tenant: awaiting my approval first, then KEV, severity, SLA due, affected. */
export function QueueTable(props: { rows: TQueueRow[]; total: number; page: number; pageSize: number; filters: TFilterDef[]; nowIso: string }) {
  const { nowIso, filters, ...rest } = props;
  return (
    <>
      <FilterBar filters={filters} searchPlaceholder="Search advisory id, title or CVE…" />
      <DataTable
        label="Testing queue"
        columns={columns(nowIso)}
        sort={null}
        sortable={[]}
        getRowId={(r) => `${r.id}/${r.tenantId}`}
        empty="Nothing to test or decide here. New advisories that apply to your assets appear in this queue; deferred patches return on their date."
        {...rest}
      />
    </>
  );
}
