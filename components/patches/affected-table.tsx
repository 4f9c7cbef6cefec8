'use client';
import type { ColumnDef } from '@tanstack/react-table';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { DataTable, type TSortState } from '@/components/ui/data-table';
import { FilterBar } from '@/components/ui/filter-bar';

export type TAffectedRow = { assetId: string; name: string; tenant: string; ring: string; zone: string; application: string | null; state: string; packages: { name: string; installed: string; fixed: string | null }[] };

const STATE_TONE: Record<string, 'red' | 'green' | 'amber'> = { missing: 'red', installed: 'green', unknown: 'amber' };

const columns: ColumnDef<TAffectedRow, unknown>[] = [
  { id: 'name', header: 'Asset', cell: ({ row }) => <Link className="font-medium text-brand-700 hover:underline" href={`/assets/${row.original.assetId}`}>{row.original.name}</Link> },
  { id: 'tenant', header: 'Tenant', cell: ({ row }) => row.original.tenant },
  { id: 'ring', header: 'Ring', cell: ({ row }) => <span className="font-mono text-xs">{row.original.ring}</span> },
  { id: 'state', header: 'State', cell: ({ row }) => <Badge tone={STATE_TONE[row.original.state] ?? 'neutral'}>{row.original.state}</Badge> },
  {
    id: 'packages',
    header: 'Installed → fixed',
    cell: ({ row }) => (
      <span className="font-mono text-xs">
        {row.original.packages.slice(0, 2).map((p) => `${p.name} ${p.installed} → ${p.fixed ?? 'no fix yet'}`).join('; ')}
        {row.original.packages.length > 2 ? ` +${row.original.packages.length - 2}` : ''}
      </span>
    ),
  },
  { id: 'zone', header: 'Zone', cell: ({ row }) => <span className="text-xs">{row.original.zone}</span> },
];

export function AffectedTable(props: { rows: TAffectedRow[]; total: number; page: number; pageSize: number; sort: TSortState }) {
  return (
    <>
      <FilterBar
        filters={[{ key: 'state', label: 'State', options: ['missing', 'installed', 'unknown'].map((s) => ({ value: s, label: s })) }]}
        searchPlaceholder="Search asset name…"
      />
      <DataTable label="Assets for this patch" columns={columns} sortable={['name', 'tenant', 'ring', 'state']} getRowId={(r) => r.assetId} empty="None of your assets runs an affected package." {...props} />
    </>
  );
}
