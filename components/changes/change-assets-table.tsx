'use client';
import type { ColumnDef } from '@tanstack/react-table';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { DataTable, type TSortState } from '@/components/ui/data-table';
import { formatDateTime } from '@/components/ui/format';

export type TChangeAssetView = {
  assetId: string;
  name: string;
  zone: string;
  cluster: string | null;
  ring: string;
  applicationName: string | null;
  waveIndex: number | null;
  plannedStart: string | null;
  plannedEnd: string | null;
  windowName: string | null;
  unschedulableReason: string | null;
  detail: string | null;
  outcome: string | null;
};

const REASON: Record<string, string> = {
  no_window_before_deadline: 'no free slot before the deadline',
  blackout: 'blackouts cover every window',
  excepted: 'excepted',
  ring_gate: 'ring gate',
  no_window: 'no window',
};
const OUTCOME_TONE = { installed: 'green', failed: 'red', skipped: 'amber' } as const;

const columns: ColumnDef<TChangeAssetView, unknown>[] = [
  {
    id: 'name',
    header: 'Asset',
    cell: ({ row }) => (
      <div>
        <Link href={`/assets/${row.original.assetId}`} className="font-medium text-brand-700 hover:underline">
          {row.original.name}
        </Link>
        <div className="text-xs text-slate-500">
          {row.original.zone}
          {row.original.cluster ? ` · cluster ${row.original.cluster}` : ''}
        </div>
      </div>
    ),
  },
  { id: 'application', header: 'Application', cell: ({ row }) => row.original.applicationName ?? <span className="text-slate-400">—</span> },
  {
    id: 'ring',
    header: 'Ring · wave',
    cell: ({ row }) => `${row.original.ring} · ${row.original.waveIndex === null ? '—' : row.original.waveIndex + 1}`,
  },
  {
    id: 'planned',
    header: 'Slot (UTC)',
    cell: ({ row }) =>
      row.original.plannedStart ? (
        <div className="text-xs tabular-nums">
          {formatDateTime(row.original.plannedStart).replace(' UTC', '')} – {formatDateTime(row.original.plannedEnd).slice(11, 16)}
          {row.original.windowName ? <div className="max-w-48 truncate text-slate-500">{row.original.windowName}</div> : null}
        </div>
      ) : (
        <Badge tone="amber" title={row.original.detail ?? undefined}>
          unschedulable: {REASON[row.original.unschedulableReason ?? ''] ?? row.original.unschedulableReason ?? 'unknown'}
        </Badge>
      ),
  },
  {
    id: 'outcome',
    header: 'Outcome',
    cell: ({ row }) =>
      row.original.outcome ? (
        <Badge tone={OUTCOME_TONE[row.original.outcome as keyof typeof OUTCOME_TONE] ?? 'neutral'}>{row.original.outcome}</Badge>
      ) : (
        <span className="text-xs text-slate-400">—</span>
      ),
  },
];

/** The assets of a change with their planned slot, paged and sorted in SQL through the URL. */
export function ChangeAssetsTable(props: { rows: TChangeAssetView[]; total: number; page: number; pageSize: number; sort: TSortState }) {
  return (
    <DataTable
      label="Change assets"
      columns={columns}
      sortable={['name', 'ring', 'planned']}
      getRowId={(r) => r.assetId}
      empty="This change has no asset left in scope."
      {...props}
    />
  );
}
