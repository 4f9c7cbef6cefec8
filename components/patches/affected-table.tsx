'use client';
import type { ColumnDef } from '@tanstack/react-table';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { DataTable, type TSortState } from '@/components/ui/data-table';
import { FilterBar } from '@/components/ui/filter-bar';
import { ZoneText } from '@/components/ui/zone-text';

export type TAffectedRow = {
  assetId: string;
  name: string;
  tenant: string;
  ring: string;
  zone: string;
  application: string | null;
  state: string;
  packages: { name: string; installed: string; fixed: string | null }[];
};

const STATE_TONE: Record<string, 'red' | 'green' | 'amber'> = { missing: 'red', installed: 'green', unknown: 'amber' };

const columns: ColumnDef<TAffectedRow, unknown>[] = [
  {
    id: 'name',
    header: 'Asset',
    cell: ({ row }) => (
      <Link className="block min-w-32 whitespace-normal font-medium text-brand-700 hover:underline" href={`/assets/${row.original.assetId}`}>
        {row.original.name}
      </Link>
    ),
  },
  { id: 'tenant', header: 'Tenant', cell: ({ row }) => <span className="block min-w-20 whitespace-normal">{row.original.tenant}</span> },
  { id: 'ring', header: 'Ring', cell: ({ row }) => <span className="font-mono text-xs">{row.original.ring}</span> },
  { id: 'state', header: 'State', cell: ({ row }) => <Badge tone={STATE_TONE[row.original.state] ?? 'neutral'}>{row.original.state}</Badge> },
  {
    id: 'packages',
    header: 'Installed → fixed',
    cell: ({ row }) => (
      // One package a line, breaking inside long versions (cells do not wrap by default): they cut the table at 1440 px.
      <ul className="min-w-48 max-w-md whitespace-normal break-all font-mono text-xs">
        {row.original.packages.slice(0, 2).map((p) => (
          <li key={p.name}>{`${p.name} ${p.installed} → ${p.fixed ?? 'no fix yet'}`}</li>
        ))}
        {row.original.packages.length > 2 ? <li className="text-slate-500">+{row.original.packages.length - 2} more</li> : null}
      </ul>
    ),
  },
  { id: 'zone', header: 'Zone', cell: ({ row }) => <ZoneText zone={row.original.zone} /> },
];

export function AffectedTable(props: { rows: TAffectedRow[]; total: number; page: number; pageSize: number; sort: TSortState }) {
  return (
    <>
      <FilterBar
        filters={[{ key: 'state', label: 'State', options: ['missing', 'installed', 'unknown'].map((s) => ({ value: s, label: s })) }]}
        searchPlaceholder="Search asset name…"
      />
      <DataTable
        label="Assets for this patch"
        columns={columns}
        sortable={['name', 'tenant', 'ring', 'state']}
        getRowId={(r) => r.assetId}
        empty="None of your assets runs an affected package."
        {...props}
      />
    </>
  );
}
