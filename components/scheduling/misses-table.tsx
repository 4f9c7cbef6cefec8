'use client';
import type { ColumnDef } from '@tanstack/react-table';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { DataTable } from '@/components/ui/data-table';

/** One asset that misses its SLA deadline or cannot be scheduled; times (also inside `detail`) already formatted for reading. */
export type TMissRow = {
  assetId: string;
  name: string;
  ring: string;
  zone: string;
  status: 'late' | 'unschedulable';
  reason: string;
  detail: string;
  deadline: string;
  planned: string | null;
};

const columns: ColumnDef<TMissRow, unknown>[] = [
  {
    id: 'name',
    header: 'Asset',
    cell: ({ row }) => (
      <div>
        <Link href={`/assets/${row.original.assetId}`} className="font-medium text-brand-700 hover:underline">
          {row.original.name}
        </Link>
        <div className="text-xs text-slate-500">{row.original.zone}</div>
      </div>
    ),
  },
  { id: 'ring', header: 'Ring', cell: ({ row }) => <span className="font-mono text-xs">{row.original.ring}</span> },
  {
    id: 'status',
    header: 'Status',
    cell: ({ row }) => (
      <Badge tone={row.original.status === 'late' ? 'amber' : 'red'}>{row.original.status === 'late' ? 'misses deadline' : 'unschedulable'}</Badge>
    ),
  },
  {
    id: 'reason',
    header: 'Why',
    cell: ({ row }) => (
      // The cell wraps (the table's cells do not by default), so a long explanation stays in its column.
      <div className="min-w-64 max-w-lg whitespace-normal break-words">
        <div className="text-xs font-medium">{row.original.reason}</div>
        <div className="text-xs text-slate-500">{row.original.detail}</div>
      </div>
    ),
  },
  { id: 'deadline', header: 'Deadline', cell: ({ row }) => <span className="whitespace-nowrap text-xs tabular-nums">{row.original.deadline}</span> },
  { id: 'planned', header: 'Planned', cell: ({ row }) => <span className="whitespace-nowrap text-xs tabular-nums">{row.original.planned ?? '—'}</span> },
];

export function MissesTable({ rows, total, page, pageSize }: { rows: TMissRow[]; total: number; page: number; pageSize: number }) {
  return (
    <DataTable
      label="Deadline misses"
      columns={columns}
      rows={rows}
      total={total}
      page={page}
      pageSize={pageSize}
      sort={null}
      sortable={[]}
      getRowId={(r) => r.assetId}
      empty="Every asset is planned before its SLA deadline."
    />
  );
}
