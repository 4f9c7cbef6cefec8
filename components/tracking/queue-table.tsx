'use client';
import type { ColumnDef } from '@tanstack/react-table';
import Link from 'next/link';
import { SeverityCell } from '@/components/patches/severity-badge';
import { Badge } from '@/components/ui/badge';
import { DataTable, type TSortState } from '@/components/ui/data-table';
import { FilterBar, type TFilterDef } from '@/components/ui/filter-bar';
import { formatDate, formatDateTime } from '@/components/ui/format';
import { TrackingStateBadge } from './state-badge';

type TSeverity = 'critical' | 'high' | 'medium' | 'low' | 'none';

export type TQueueTableRow = {
  id: string;
  tenantName: string;
  patchId: string;
  vendorId: string;
  title: string;
  severity: string;
  isKev: boolean;
  applicationName: string | null;
  groupName: string | null;
  state: string;
  dueAt: string;
  assetCount: number;
  openedAt: string;
  closedAt: string | null;
  isOverdue: boolean;
};

const columns: ColumnDef<TQueueTableRow, unknown>[] = [
  {
    id: 'due',
    header: 'Due',
    cell: ({ row }) => (
      <span className="flex items-center gap-2" title={formatDateTime(row.original.dueAt)} data-testid="due" data-due={row.original.dueAt}>
        <span className={row.original.isOverdue ? 'font-semibold text-red-700' : 'tabular-nums'}>{formatDate(row.original.dueAt)}</span>
        {row.original.isOverdue ? <Badge tone="red">overdue</Badge> : null}
      </span>
    ),
  },
  {
    id: 'patch',
    header: 'Patch',
    cell: ({ row }) => (
      <div className="min-w-56 max-w-md whitespace-normal">
        <Link className="font-medium text-brand-700 hover:underline" href={`/queue/${row.original.id}`}>
          {row.original.vendorId}
        </Link>
        <div className="truncate text-xs text-slate-500" title={row.original.title}>
          {row.original.title}
        </div>
      </div>
    ),
  },
  { id: 'severity', header: 'Severity', cell: ({ row }) => <SeverityCell severity={row.original.severity as TSeverity} isKev={row.original.isKev} /> },
  {
    id: 'application',
    header: 'Application',
    cell: ({ row }) => (
      <div>
        <div>{row.original.applicationName ?? <span className="text-slate-500">no application</span>}</div>
        <div className="text-xs text-slate-500">{row.original.tenantName}</div>
      </div>
    ),
  },
  { id: 'group', header: 'Resolver group', cell: ({ row }) => row.original.groupName ?? <span className="text-slate-500">owner</span> },
  { id: 'assets', header: 'Assets', cell: ({ row }) => <span className="tabular-nums">{row.original.assetCount}</span> },
  { id: 'state', header: 'State', cell: ({ row }) => <TrackingStateBadge state={row.original.state} /> },
  { id: 'opened', header: 'Opened', cell: ({ row }) => <span className="text-xs">{formatDate(row.original.openedAt)}</span> },
];

/** My queue: the viewer's tracking records, soonest due first; overdue rows stand out. */
export function QueueTable(p: {
  rows: TQueueTableRow[];
  total: number;
  page: number;
  pageSize: number;
  sort: TSortState;
  filters: TFilterDef[];
  empty: string;
}) {
  return (
    <>
      <FilterBar filters={p.filters} searchPlaceholder="Search patch, title or application…" />
      <DataTable
        label="My tracking records"
        columns={columns}
        rows={p.rows}
        total={p.total}
        page={p.page}
        pageSize={p.pageSize}
        sort={p.sort}
        sortable={['due', 'patch', 'severity', 'assets', 'opened']}
        descendingFirst={['assets', 'opened']}
        getRowId={(r) => r.id}
        rowClassName={(r) => (r.isOverdue ? 'bg-red-50/60' : undefined)}
        empty={p.empty}
      />
    </>
  );
}
