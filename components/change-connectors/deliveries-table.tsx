'use client';
import type { ColumnDef } from '@tanstack/react-table';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { DataTable, type TSortState } from '@/components/ui/data-table';
import { FilterBar, type TFilterDef } from '@/components/ui/filter-bar';
import { formatDateTime } from '@/components/ui/format';

export type TDeliveryRow = {
  id: string;
  status: string;
  attempts: number;
  lastHttpStatus: number | null;
  lastError: string | null;
  createdAt: string;
  lastAttemptAt: string | null;
  deliveredAt: string | null;
  connectorName: string;
  event: string;
  /** Null for a tenant event (the customer digest): no change to link. */
  changeId: string | null;
  changeRef: string | null;
  changeTitle: string | null;
};

const TONE = { queued: 'amber', delivered: 'green', failed: 'red' } as const;

const columns: ColumnDef<TDeliveryRow, unknown>[] = [
  { id: 'created', header: 'Created', cell: ({ row }) => <span className="text-xs">{formatDateTime(row.original.createdAt)}</span> },
  { id: 'connector', header: 'Connector', cell: ({ row }) => row.original.connectorName },
  {
    id: 'change',
    header: 'Change',
    cell: ({ row }) => (
      <div className="min-w-48 max-w-sm whitespace-normal">
        {row.original.changeId ? (
          <>
            <Link className="font-mono text-xs text-brand-600 hover:underline" href={`/changes/${row.original.changeId}`}>
              {row.original.changeRef}
            </Link>
            <div className="truncate text-xs text-slate-500" title={row.original.changeTitle ?? undefined}>
              {row.original.changeTitle}
            </div>
          </>
        ) : (
          <span className="text-xs text-slate-500">tenant event (no change)</span>
        )}
      </div>
    ),
  },
  { id: 'event', header: 'Event', cell: ({ row }) => <code className="text-xs">{row.original.event}</code> },
  {
    id: 'status',
    header: 'Status',
    cell: ({ row }) => {
      const d = row.original;
      const title = d.deliveredAt
        ? `Delivered ${formatDateTime(d.deliveredAt)}`
        : d.lastAttemptAt
          ? `Last attempt ${formatDateTime(d.lastAttemptAt)}`
          : 'Not tried yet';
      return (
        <Badge tone={TONE[d.status as keyof typeof TONE] ?? 'neutral'} title={title} data-testid="delivery-status" data-status={d.status}>
          {d.status}
        </Badge>
      );
    },
  },
  { id: 'attempts', header: 'Attempts', cell: ({ row }) => <span className="tabular-nums">{row.original.attempts}</span> },
  { id: 'http', header: 'HTTP', cell: ({ row }) => <span className="tabular-nums">{row.original.lastHttpStatus ?? '—'}</span> },
  {
    id: 'error',
    header: 'Last error',
    cell: ({ row }) => (
      <span className="block max-w-xs truncate text-xs text-slate-600" title={row.original.lastError ?? undefined}>
        {row.original.lastError ?? '—'}
      </span>
    ),
  },
];

/** A tenant's webhook deliveries: server-side paged (newest first) and filtered through the URL. */
export function DeliveriesTable(props: { rows: TDeliveryRow[]; total: number; page: number; pageSize: number; sort: TSortState; filters: TFilterDef[] }) {
  const { filters, ...table } = props;
  return (
    <>
      <FilterBar filters={filters} searchPlaceholder="Search change number or title…" />
      <DataTable
        label="Webhook deliveries"
        columns={columns}
        sortable={['created']}
        getRowId={(r) => r.id}
        empty="No delivery matches. Every change event of this tenant is sent to each enabled connector from its creation on."
        {...table}
      />
    </>
  );
}
