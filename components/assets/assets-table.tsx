'use client';
import type { ColumnDef } from '@tanstack/react-table';
import Link from 'next/link';
import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { DataTable, type TSortState } from '@/components/ui/data-table';
import { FilterBar, type TFilterDef } from '@/components/ui/filter-bar';
import { formatRelative } from '@/components/ui/format';
import { Select } from '@/components/ui/input';
import { TableMessage } from '@/components/ui/page-header';
import { ZoneText } from '@/components/ui/zone-text';
import type { TActionResult } from '@/lib/errors';

export type TAssetListRow = {
  id: string;
  name: string;
  kind: 'vm' | 'host' | 'image';
  tenantName: string;
  applicationName: string | null;
  ring: string;
  zone: string;
  osFamily: string;
  osRelease: string;
  lifecycle: string;
  softwareCount: number;
  lastSeenAt: string | null;
  cluster: string | null;
  parentName: string | null;
};

const KIND_LABEL = { vm: 'VM', host: 'Host', image: 'Image' } as const;
const LIFECYCLE_TONE: Record<string, 'green' | 'amber' | 'neutral' | 'brand'> = {
  active: 'green',
  suspended: 'amber',
  provisioning: 'brand',
  decommissioned: 'neutral',
};

const columns: ColumnDef<TAssetListRow, unknown>[] = [
  {
    id: 'name',
    header: 'Name',
    cell: ({ row }) => (
      <div>
        <Link href={`/assets/${row.original.id}`} className="font-medium text-brand-700 hover:underline">
          {row.original.name}
        </Link>
        <div className="text-xs text-slate-500">
          {row.original.kind === 'host' && row.original.cluster
            ? `cluster ${row.original.cluster}`
            : row.original.parentName
              ? `on ${row.original.parentName}`
              : ''}
        </div>
      </div>
    ),
  },
  {
    id: 'kind',
    header: 'Kind',
    cell: ({ row }) => (
      <Badge tone={row.original.kind === 'vm' ? 'neutral' : row.original.kind === 'host' ? 'purple' : 'brand'}>{KIND_LABEL[row.original.kind]}</Badge>
    ),
  },
  // Names and zones wrap (the table's cells do not by default) so every column fits at 1440 px.
  { id: 'tenant', header: 'Tenant', cell: ({ row }) => <span className="block min-w-20 whitespace-normal">{row.original.tenantName}</span> },
  {
    id: 'application',
    header: 'Application',
    cell: ({ row }) => <span className="block min-w-24 whitespace-normal">{row.original.applicationName ?? <span className="text-slate-400">—</span>}</span>,
  },
  { id: 'ring', header: 'Ring', cell: ({ row }) => <span className="font-mono text-xs">{row.original.ring}</span> },
  { id: 'os', header: 'OS', cell: ({ row }) => <span className="block whitespace-normal">{`${row.original.osFamily} ${row.original.osRelease}`}</span> },
  { id: 'zone', header: 'Zone', cell: ({ row }) => <ZoneText zone={row.original.zone} /> },
  { id: 'lifecycle', header: 'State', cell: ({ row }) => <Badge tone={LIFECYCLE_TONE[row.original.lifecycle] ?? 'neutral'}>{row.original.lifecycle}</Badge> },
  { id: 'software', header: 'Packages', cell: ({ row }) => <span className="tabular-nums">{row.original.softwareCount}</span> },
  { id: 'last_seen', header: 'Last seen', cell: ({ row }) => <span className="text-xs text-slate-500">{formatRelative(row.original.lastSeenAt)}</span> },
];

type Props = {
  rows: TAssetListRow[];
  total: number;
  page: number;
  pageSize: number;
  sort: TSortState;
  filters: TFilterDef[];
  ringNames: string[];
  canBulk: boolean;
  bulkSetRing: (input: { assetIds: string[]; ring: string }) => Promise<TActionResult<{ moved: number; unchanged: number }>>;
};

export function AssetsTable({ rows, total, page, pageSize, sort, filters, ringNames, canBulk, bulkSetRing }: Props) {
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [ring, setRing] = useState(ringNames[0] ?? '');
  const [busy, setBusy] = useState(false);
  return (
    <>
      <FilterBar filters={filters} searchPlaceholder="Search by name or exact tag…" />
      <TableMessage message={message} />
      <DataTable
        label="Assets"
        columns={columns}
        rows={rows}
        total={total}
        page={page}
        pageSize={pageSize}
        sort={sort}
        sortable={['name', 'kind', 'tenant', 'application', 'ring', 'os', 'zone', 'lifecycle', 'software', 'last_seen']}
        getRowId={(r) => r.id}
        empty="No asset matches these filters. Clear the filters, or register assets through the agent API or an inventory upload."
        bulk={
          canBulk
            ? (ids, clear) => (
                <form
                  className="flex items-center gap-2"
                  onSubmit={async (e) => {
                    e.preventDefault();
                    setBusy(true);
                    const res = await bulkSetRing({ assetIds: ids, ring });
                    setBusy(false);
                    if (res.ok) {
                      setMessage({ tone: 'success', text: `Moved ${res.data.moved} asset(s) to ${ring}; ${res.data.unchanged} already there.` });
                      clear();
                    } else setMessage({ tone: 'error', text: res.message });
                  }}
                >
                  <label htmlFor="bulk-ring" className="text-slate-600">
                    Move to ring
                  </label>
                  <Select id="bulk-ring" className="h-8 w-32" value={ring} onChange={(e) => setRing(e.target.value)}>
                    {ringNames.map((r) => (
                      <option key={r}>{r}</option>
                    ))}
                  </Select>
                  <Button size="sm" type="submit" disabled={busy}>
                    Apply
                  </Button>
                </form>
              )
            : undefined
        }
      />
    </>
  );
}
