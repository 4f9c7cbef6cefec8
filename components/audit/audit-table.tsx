'use client';
import type { ColumnDef } from '@tanstack/react-table';
import { DataTable, type TSortState } from '@/components/ui/data-table';
import { FilterBar, type TFilterDef } from '@/components/ui/filter-bar';

export type TAuditRow = { seq: number; at: string; actorLabel: string; tenantName: string | null; action: string; targetType: string; targetId: string | null; change: string; hash: string };

const columns: ColumnDef<TAuditRow, unknown>[] = [
  { id: 'seq', header: '#', cell: ({ row }) => <span className="tabular-nums text-slate-500">{row.original.seq}</span> },
  { id: 'at', header: 'When (UTC)', cell: ({ row }) => <span className="whitespace-nowrap text-xs">{row.original.at}</span> },
  { id: 'actor', header: 'Actor', cell: ({ row }) => row.original.actorLabel },
  { id: 'tenant', header: 'Tenant', cell: ({ row }) => row.original.tenantName ?? '—' },
  { id: 'action', header: 'Action', cell: ({ row }) => <code className="text-xs">{row.original.action}</code> },
  {
    id: 'target',
    header: 'Target',
    cell: ({ row }) =>
      row.original.targetType === 'asset' && row.original.targetId ? (
        <a className="text-brand-700 hover:underline" href={`/assets/${row.original.targetId}`}>
          asset {row.original.targetId.slice(0, 8)}
        </a>
      ) : (
        `${row.original.targetType} ${row.original.targetId?.slice(0, 8) ?? ''}`
      ),
  },
  { id: 'change', header: 'Change', cell: ({ row }) => <code className="block max-w-md truncate text-xs text-slate-600" title={row.original.change}>{row.original.change}</code> },
  { id: 'hash', header: 'Hash', cell: ({ row }) => <code className="text-xs text-slate-400">{row.original.hash.slice(0, 10)}</code> },
];

export function AuditTable(props: { rows: TAuditRow[]; total: number; page: number; pageSize: number; sort: TSortState; filters: TFilterDef[] }) {
  return (
    <>
      <FilterBar filters={props.filters} searchPlaceholder="Search actor, action or target id…" />
      <DataTable label="Audit log" columns={columns} sortable={['seq', 'action', 'actor']} getRowId={(r) => String(r.seq)} empty="No audit entries match. Every change made in Patchward appears here." {...props} />
    </>
  );
}
