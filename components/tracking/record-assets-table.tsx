'use client';
import type { ColumnDef } from '@tanstack/react-table';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { DataTable, type TSortState } from '@/components/ui/data-table';
import { FilterBar, type TFilterDef } from '@/components/ui/filter-bar';
import { formatDateTime } from '@/components/ui/format';

export type TRecordAssetTableRow = { id: string; name: string; ring: string; zone: string; state: string; detectedAt: string };

const columns: ColumnDef<TRecordAssetTableRow, unknown>[] = [
  {
    id: 'asset',
    header: 'Asset',
    cell: ({ row }) => (
      <Link className="font-medium text-brand-700 hover:underline" href={`/assets/${row.original.id}`}>
        {row.original.name}
      </Link>
    ),
  },
  { id: 'ring', header: 'Ring', cell: ({ row }) => <span className="font-mono text-xs">{row.original.ring}</span> },
  { id: 'zone', header: 'Zone', cell: ({ row }) => <span className="text-xs">{row.original.zone}</span> },
  { id: 'state', header: 'State', cell: ({ row }) => <Badge tone={row.original.state === 'missing' ? 'red' : 'amber'}>{row.original.state}</Badge> },
  { id: 'detected', header: 'Detected', cell: ({ row }) => <span className="text-xs">{formatDateTime(row.original.detectedAt)}</span> },
];

/** The assets a tracking record still waits for, live from applicability. */
export function RecordAssetsTable(p: { rows: TRecordAssetTableRow[]; total: number; page: number; pageSize: number; sort: TSortState; filters: TFilterDef[] }) {
  return (
    <>
      <FilterBar filters={p.filters} searchPlaceholder="Search assets…" />
      <DataTable
        label="Affected assets"
        columns={columns}
        {...p}
        sortable={['asset', 'ring', 'state', 'detected']}
        descendingFirst={['detected']}
        getRowId={(r) => r.id}
        empty="No asset is waiting for this patch. The record closes with its evidence at the next inventory report or assessment; clear the filters if you set any."
      />
    </>
  );
}
