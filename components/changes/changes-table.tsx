'use client';
import type { ColumnDef } from '@tanstack/react-table';
import { AlertTriangle } from 'lucide-react';
import Link from 'next/link';
import { DataTable, type TSortState } from '@/components/ui/data-table';
import { FilterBar, type TFilterDef } from '@/components/ui/filter-bar';
import { formatDateTime } from '@/components/ui/format';
import { ChangeStateBadge, ChangeTypeBadge, RiskBadge } from './change-badges';

export type TChangeRowView = {
  id: string;
  number: string;
  title: string;
  type: string;
  state: string;
  tenantName: string;
  ring: string | null;
  applicationName: string | null;
  plannedStart: string | null;
  plannedEnd: string | null;
  riskScore: number;
  riskLevel: string;
  approvalDueAt: string | null;
  assetCount: number;
  patchCount: number;
  conflictCount: number;
};

const columns: ColumnDef<TChangeRowView, unknown>[] = [
  {
    id: 'number',
    header: 'Change',
    cell: ({ row }) => (
      <div className="min-w-56 max-w-xs whitespace-normal">
        <Link href={`/changes/${row.original.id}`} className="font-medium text-brand-700 hover:underline" data-testid="change-link">
          {row.original.number}
        </Link>
        <div className="text-xs text-slate-600">{row.original.title}</div>
      </div>
    ),
  },
  {
    id: 'tenant',
    header: 'Tenant',
    cell: ({ row }) => (
      <div className="min-w-28 whitespace-normal text-xs">
        <div className="text-sm text-slate-800">{row.original.tenantName}</div>
        {[row.original.applicationName, row.original.ring ? `ring ${row.original.ring}` : null].filter(Boolean).join(' · ')}
      </div>
    ),
  },
  { id: 'type', header: 'Type', cell: ({ row }) => <ChangeTypeBadge type={row.original.type} /> },
  {
    id: 'state',
    header: 'State',
    cell: ({ row }) => (
      <div className="flex flex-col items-start gap-0.5">
        <ChangeStateBadge state={row.original.state} />
        {row.original.approvalDueAt && row.original.type === 'emergency' ? (
          <span className="text-[11px] text-red-700">approve by {formatDateTime(row.original.approvalDueAt).slice(0, 10)}</span>
        ) : null}
      </div>
    ),
  },
  { id: 'risk', header: 'Risk', cell: ({ row }) => <RiskBadge score={row.original.riskScore} level={row.original.riskLevel} /> },
  {
    id: 'scope',
    header: 'Scope',
    cell: ({ row }) => (
      <div className="text-xs tabular-nums text-slate-700">
        <div>{row.original.patchCount} patch(es)</div>
        <div>{row.original.assetCount.toLocaleString('en-US')} asset(s)</div>
      </div>
    ),
  },
  {
    id: 'planned',
    header: 'Planned (UTC)',
    cell: ({ row }) =>
      row.original.plannedStart ? (
        <div className="text-xs tabular-nums" title={`${formatDateTime(row.original.plannedStart)} to ${formatDateTime(row.original.plannedEnd)}`}>
          <div>{formatDateTime(row.original.plannedStart).slice(0, 16)}</div>
          <div className="text-slate-500">→ {formatDateTime(row.original.plannedEnd).slice(5, 16)}</div>
        </div>
      ) : (
        <span className="text-xs text-slate-500">not planned</span>
      ),
  },
  {
    id: 'conflicts',
    header: 'Conflicts',
    cell: ({ row }) =>
      row.original.conflictCount > 0 ? (
        <span className="inline-flex items-center gap-1 text-xs font-medium text-amber-800" data-testid="conflict-count">
          <AlertTriangle className="size-3.5" /> {row.original.conflictCount}
        </span>
      ) : (
        <span className="text-xs text-slate-400">none</span>
      ),
  },
];

/** Change requests, server-side paged, sorted and filtered through the URL. */
export function ChangesTable(props: {
  rows: TChangeRowView[];
  total: number;
  page: number;
  pageSize: number;
  sort: TSortState;
  filters: TFilterDef[] | null;
  label?: string;
  empty: string;
  sortable?: string[];
}) {
  const { filters, label = 'Changes', empty, sortable = ['number', 'planned', 'risk', 'state'], ...table } = props;
  return (
    <>
      {filters ? <FilterBar filters={filters} searchPlaceholder="Search CHG number or title…" /> : null}
      <DataTable label={label} columns={columns} sortable={sortable} getRowId={(r) => r.id} empty={empty} {...table} />
    </>
  );
}
