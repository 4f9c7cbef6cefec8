'use client';
import type { ColumnDef } from '@tanstack/react-table';
import { Download } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { DataTable, type TSortState } from '@/components/ui/data-table';
import { FilterBar, type TFilterDef } from '@/components/ui/filter-bar';
import type { TFieldChange } from '@/lib/audit/change';
import { ChangeCell } from './change-cell';
import { DateRange } from './date-range';

/** `tenantName` null: a platform entry (advisory import, intake run, recompute) that belongs to no tenant. */
export type TAuditRow = {
  /** The global chain position; null for a reader of some tenants only (it counts every tenant's entries). */
  seq: number | null;
  at: string;
  actorLabel: string;
  tenantName: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  changes: TFieldChange[];
  hash: string;
};

const columns: ColumnDef<TAuditRow, unknown>[] = [
  {
    id: 'seq',
    header: '#',
    cell: ({ row }) => (
      <span className="block tabular-nums text-slate-500">
        {row.original.seq ?? <span className="sr-only">chain link</span>}
        <code className="block text-[10px] text-slate-400" title={`hash ${row.original.hash}`}>
          {row.original.hash.slice(0, 8)}
        </code>
      </span>
    ),
  },
  { id: 'at', header: 'When (UTC)', cell: ({ row }) => <span className="block w-20 whitespace-normal text-xs">{row.original.at}</span> },
  { id: 'actor', header: 'Actor', cell: ({ row }) => <span className="block max-w-44 whitespace-normal break-all text-xs">{row.original.actorLabel}</span> },
  {
    id: 'tenant',
    header: 'Tenant',
    cell: ({ row }) =>
      row.original.tenantName === null ? (
        <Badge tone="purple" title="Not tied to a tenant: advisory imports, intake runs, recomputes">
          platform
        </Badge>
      ) : (
        <span className="block max-w-32 whitespace-normal text-xs">{row.original.tenantName}</span>
      ),
  },
  { id: 'action', header: 'Action', cell: ({ row }) => <code className="block max-w-40 whitespace-normal break-words text-xs">{row.original.action}</code> },
  {
    id: 'target',
    header: 'Target',
    cell: ({ row }) =>
      row.original.targetType === 'asset' && row.original.targetId ? (
        <a className="text-xs text-brand-700 hover:underline" href={`/assets/${row.original.targetId}`}>
          asset {row.original.targetId.slice(0, 8)}
        </a>
      ) : (
        <span
          className="block max-w-36 whitespace-normal break-words text-xs"
          title={row.original.targetId ?? undefined}
        >{`${row.original.targetType} ${row.original.targetId?.slice(0, 8) ?? ''}`}</span>
      ),
  },
  { id: 'change', header: 'Change', cell: ({ row }) => <ChangeCell changes={row.original.changes} /> },
];

/** Links to the CSV and JSON exports of exactly the slice the filters select (all pages). */
function ExportLinks({ query }: { query: string }) {
  const link =
    'inline-flex items-center gap-1 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-50';
  return (
    <div className="flex items-center gap-2 px-4 py-3 text-sm text-slate-600">
      <span>Export the filtered entries:</span>
      <a className={link} href={`/api/v1/audit/export.csv${query}`} download>
        <Download className="size-4" /> CSV
      </a>
      <a className={link} href={`/api/v1/audit/export.json${query}`} download>
        <Download className="size-4" /> JSON
      </a>
    </div>
  );
}

export function AuditTable({
  exportQuery,
  rangeError,
  ...props
}: {
  rows: TAuditRow[];
  total: number;
  page: number;
  pageSize: number;
  sort: TSortState;
  filters: TFilterDef[];
  /** `?…` with the current filters, or null when the filters are invalid (nothing to export). */
  exportQuery: string | null;
  rangeError: string | null;
}) {
  return (
    <>
      <FilterBar filters={props.filters} searchPlaceholder="Search actor, action or target id…" />
      <DateRange error={rangeError} />
      {exportQuery !== null ? <ExportLinks query={exportQuery} /> : null}
      <DataTable
        label="Audit log"
        columns={columns}
        sortable={['seq', 'action', 'actor']}
        descendingFirst={['seq']}
        getRowId={(r) => r.hash}
        empty="No audit entries match. Every change made in Patchward appears here."
        {...props}
      />
    </>
  );
}
