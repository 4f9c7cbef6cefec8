'use client';
import type { ColumnDef } from '@tanstack/react-table';
import Link from 'next/link';
import { useMemo, useState } from 'react';
import { EmailStatusBadge } from '@/components/notifications/email-status-badge';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { DataTable, type TSortState } from '@/components/ui/data-table';
import { FilterBar, type TFilterDef } from '@/components/ui/filter-bar';
import { formatDateTime } from '@/components/ui/format';
import { FormMessage, TableMessage } from '@/components/ui/page-header';
import type { TActionResult } from '@/lib/errors';

export type TNotificationRow = {
  id: string;
  tenantName: string;
  subject: string;
  body: string;
  patchId: string | null;
  emailStatus: string | null;
  emailAttempts: number;
  emailError: string | null;
  sentAt: string | null;
  readAt: string | null;
  createdAt: string;
};

export type TMarkRead = (input: { ids: string[] } | { all: true }) => Promise<TActionResult<{ marked: number }>>;

type TMessage = { tone: 'error' | 'success'; text: string } | null;

function columns(markOne: (id: string) => void, busy: boolean): ColumnDef<TNotificationRow, unknown>[] {
  return [
    {
      id: 'state',
      header: 'State',
      cell: ({ row }) =>
        row.original.readAt ? (
          <Badge data-testid="read-state" data-state="read" title={`Read ${formatDateTime(row.original.readAt)}`}>
            read
          </Badge>
        ) : (
          <Badge tone="brand" data-testid="read-state" data-state="unread">
            <span className="size-1.5 rounded-full bg-brand-600" aria-hidden /> unread
          </Badge>
        ),
    },
    { id: 'tenant', header: 'Tenant', cell: ({ row }) => <span className="block min-w-20 whitespace-normal">{row.original.tenantName}</span> },
    {
      id: 'subject',
      header: 'Subject',
      cell: ({ row }) => {
        const n = row.original;
        const cls = cn('hover:underline', n.readAt ? 'text-slate-700' : 'font-semibold text-slate-900');
        return (
          // The subject wraps (cells do not by default): long subjects cut the table at 1440 px.
          <div className="min-w-64 max-w-md whitespace-normal">
            {n.patchId ? (
              <Link href={`/patches/${n.patchId}`} className={cls}>
                {n.subject}
              </Link>
            ) : (
              <span className={cls}>{n.subject}</span>
            )}
            <div className="truncate text-xs text-slate-500" title={n.body}>
              {n.body.replace(/\s+/g, ' ')}
            </div>
          </div>
        );
      },
    },
    { id: 'created', header: 'Created', cell: ({ row }) => <span className="text-xs">{formatDateTime(row.original.createdAt)}</span> },
    {
      id: 'email',
      header: 'E-mail',
      cell: ({ row }) => (
        <EmailStatusBadge
          status={row.original.emailStatus}
          attempts={row.original.emailAttempts}
          error={row.original.emailError}
          sentAt={row.original.sentAt}
        />
      ),
    },
    {
      id: 'actions',
      header: '',
      cell: ({ row }) =>
        row.original.readAt ? null : (
          <Button variant="secondary" size="sm" disabled={busy} onClick={() => markOne(row.original.id)}>
            Mark as read
          </Button>
        ),
    },
  ];
}

/** The signed-in user's notifications: server-side paged, sorted and filtered through the URL; unread rows stand out. */
export function NotificationsTable(props: {
  rows: TNotificationRow[];
  total: number;
  page: number;
  pageSize: number;
  sort: TSortState;
  filters: TFilterDef[];
  markRead: TMarkRead;
}) {
  const { markRead, ...table } = props;
  const [message, setMessage] = useState<TMessage>(null);
  const [busy, setBusy] = useState(false);
  const run = async (ids: string[], done?: () => void) => {
    setBusy(true);
    const res = await markRead({ ids });
    setBusy(false);
    if (res.ok) {
      setMessage(null);
      done?.();
    } else setMessage({ tone: 'error', text: res.message });
  };
  // `run` only closes over `markRead` and state setters, so these are the columns' real inputs.
  const cols = useMemo(() => columns((id) => void run([id]), busy), [busy, markRead]);
  return (
    <>
      <FilterBar filters={props.filters} searchPlaceholder="Search subject or text…" />
      <TableMessage message={message} />
      <DataTable
        label="Notifications"
        columns={cols}
        sortable={['created', 'subject']}
        getRowId={(r) => r.id}
        rowClassName={(r) => (r.readAt ? undefined : 'bg-brand-50/40')}
        empty="No notification matches these filters. Clear the filters to see all of yours."
        bulk={(ids, clear) => (
          <Button size="sm" disabled={busy} onClick={() => void run(ids, clear)}>
            Mark selected as read
          </Button>
        )}
        {...table}
      />
    </>
  );
}

/** "Mark all read" for the page header: every unread notification of the user, whatever the filters. */
export function MarkAllRead({ unread, markRead }: { unread: number; markRead: TMarkRead }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      {error ? <FormMessage tone="error">{error}</FormMessage> : null}
      <Button
        variant="secondary"
        disabled={busy || unread === 0}
        onClick={async () => {
          setBusy(true);
          const res = await markRead({ all: true });
          setBusy(false);
          setError(res.ok ? null : res.message);
        }}
      >
        Mark all read
      </Button>
    </>
  );
}
