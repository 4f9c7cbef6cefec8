'use client';
import type { ColumnDef } from '@tanstack/react-table';
import { X } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ActionForm } from '@/components/admin/action-form';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { DataTable, type TSortState } from '@/components/ui/data-table';
import { FilterBar } from '@/components/ui/filter-bar';
import { formatDate } from '@/components/ui/format';
import { Field, Input, Select } from '@/components/ui/input';
import { TableMessage } from '@/components/ui/page-header';
import type { TActionResult } from '@/lib/errors';

type TAction = (input: Record<string, unknown>) => Promise<TActionResult<unknown>>;
type TMessage = { tone: 'error' | 'success'; text: string } | null;
type TOption = { id: string; label: string };
type TListProps = { total: number; page: number; pageSize: number; sort: TSortState };

/** Runs an action from a table row, shows its outcome above the table and refreshes the page. */
function useRowAction() {
  const router = useRouter();
  const [message, setMessage] = useState<TMessage>(null);
  const [busy, setBusy] = useState(false);
  const run = async (action: TAction, input: Record<string, unknown>, success: string) => {
    setBusy(true);
    const res = await action(input);
    setBusy(false);
    setMessage(res.ok ? { tone: 'success', text: success } : { tone: 'error', text: res.message });
    if (res.ok) router.refresh();
  };
  return { message, busy, run };
}

export type TGroupTableRow = { id: string; name: string; applicationName: string | null; members: { id: string; name: string }[]; openRecords: number };

export function ResolverGroupsTable(
  p: TListProps & {
    tenantId: string;
    rows: TGroupTableRow[];
    users: TOption[];
    actions: { rename: TAction; remove: TAction; addMember: TAction; removeMember: TAction };
  },
) {
  const { message, busy, run } = useRowAction();
  const [renaming, setRenaming] = useState<string | null>(null);
  const t = p.tenantId;
  const columns: ColumnDef<TGroupTableRow, unknown>[] = [
    {
      id: 'name',
      header: 'Group',
      cell: ({ row }) =>
        renaming === row.original.id ? (
          <form
            className="flex items-center gap-2"
            onSubmit={async (e) => {
              e.preventDefault();
              const name = new FormData(e.currentTarget).get('name');
              await run(p.actions.rename, { tenantId: t, groupId: row.original.id, name }, 'Group renamed.');
              setRenaming(null);
            }}
          >
            <Input name="name" aria-label="New name" defaultValue={row.original.name} className="h-8 w-48" />
            <Button size="sm" type="submit" disabled={busy}>
              Save
            </Button>
            <Button size="sm" variant="ghost" type="button" onClick={() => setRenaming(null)}>
              Cancel
            </Button>
          </form>
        ) : (
          <button type="button" className="font-medium text-slate-900 hover:underline" title="Rename" onClick={() => setRenaming(row.original.id)}>
            {row.original.name}
          </button>
        ),
    },
    {
      id: 'application',
      header: 'Application',
      cell: ({ row }) => row.original.applicationName ?? <span className="text-slate-500">assets with no application</span>,
    },
    {
      id: 'members',
      header: 'Members',
      cell: ({ row }) => (
        <div className="flex min-w-72 flex-wrap items-center gap-1 whitespace-normal">
          {row.original.members.map((m) => (
            <Badge key={m.id}>
              {m.name}
              <button
                type="button"
                aria-label={`Remove ${m.name} from ${row.original.name}`}
                disabled={busy}
                onClick={() => run(p.actions.removeMember, { tenantId: t, groupId: row.original.id, userId: m.id }, `${m.name} removed.`)}
              >
                <X className="size-3" />
              </button>
            </Badge>
          ))}
          {row.original.members.length === 0 ? <span className="text-xs text-amber-700">no member: add one</span> : null}
          <Select
            aria-label={`Add a member to ${row.original.name}`}
            className="h-7 w-40 text-xs"
            value=""
            empty="+ add member"
            disabled={busy}
            options={p.users.filter((u) => !row.original.members.some((m) => m.id === u.id)).map((u) => ({ value: u.id, label: u.label }))}
            onChange={(e) => e.target.value && run(p.actions.addMember, { tenantId: t, groupId: row.original.id, userId: e.target.value }, 'Member added.')}
          />
        </div>
      ),
    },
    { id: 'records', header: 'Open records', cell: ({ row }) => <span className="tabular-nums">{row.original.openRecords}</span> },
    {
      id: 'actions',
      header: '',
      cell: ({ row }) => (
        <Button
          variant="ghost"
          size="sm"
          disabled={busy}
          onClick={() => {
            if (window.confirm(`Delete ${row.original.name}? Its records fall back to the application's owner.`))
              void run(p.actions.remove, { tenantId: t, groupId: row.original.id }, 'Group deleted.');
          }}
        >
          Delete
        </Button>
      ),
    },
  ];
  return (
    <>
      <FilterBar filters={[]} searchPlaceholder="Search group or application…" />
      <TableMessage message={message} />
      <DataTable
        label="Resolver groups"
        columns={columns}
        rows={p.rows}
        total={p.total}
        page={p.page}
        pageSize={p.pageSize}
        sort={p.sort}
        sortable={['name', 'application', 'members', 'records']}
        getRowId={(r) => r.id}
        empty="No resolver group matches. Without one, an application's owner works its tracking records: create a group below to share the work."
      />
    </>
  );
}

export function NewResolverGroupForm({
  action,
  tenantId,
  applications,
  users,
}: {
  action: TAction;
  tenantId: string;
  applications: TOption[];
  users: TOption[];
}) {
  return (
    <ActionForm
      action={action}
      submit="Create group"
      success="Group created; the application's open records are assigned to it."
      toInput={(fd) => ({
        tenantId,
        applicationId: fd.get('applicationId') === 'none' ? null : fd.get('applicationId'),
        name: fd.get('name'),
        memberIds: fd.getAll('memberIds').filter(Boolean),
      })}
    >
      {(err) => (
        <>
          <Field label="Name" htmlFor="g-name" error={err('name')}>
            <Input id="g-name" name="name" placeholder="Payments resolvers" />
          </Field>
          <Field label="Application" htmlFor="g-app" error={err('applicationId')}>
            <Select
              id="g-app"
              name="applicationId"
              options={[...applications.map((a) => ({ value: a.id, label: a.label })), { value: 'none', label: 'Assets with no application' }]}
            />
          </Field>
          <div className="sm:col-span-2">
            <Field label="Members" htmlFor="g-members" error={err('memberIds')} hint="Hold Ctrl/⌘ to pick several; none picked = the application's owner.">
              <Select id="g-members" name="memberIds" multiple className="h-28" options={users.map((u) => ({ value: u.id, label: u.label }))} />
            </Field>
          </div>
        </>
      )}
    </ActionForm>
  );
}

export type TCabTableRow = { userId: string; name: string; email: string; roles: string[]; addedAt: string };

export function CabTable(p: TListProps & { tenantId: string; rows: TCabTableRow[]; remove: TAction }) {
  const { message, busy, run } = useRowAction();
  const columns: ColumnDef<TCabTableRow, unknown>[] = [
    {
      id: 'name',
      header: 'Member',
      cell: ({ row }) => (
        <span>
          {row.original.name} <span className="text-xs text-slate-500">{row.original.email}</span>
        </span>
      ),
    },
    { id: 'roles', header: 'Roles', cell: ({ row }) => <span className="font-mono text-xs">{row.original.roles.join(', ') || '—'}</span> },
    { id: 'added', header: 'Added', cell: ({ row }) => <span className="text-xs">{formatDate(row.original.addedAt)}</span> },
    {
      id: 'actions',
      header: '',
      cell: ({ row }) => (
        <Button
          variant="ghost"
          size="sm"
          disabled={busy}
          onClick={() => run(p.remove, { tenantId: p.tenantId, userId: row.original.userId }, `${row.original.name} left the CAB.`)}
        >
          Remove
        </Button>
      ),
    },
  ];
  return (
    <>
      <FilterBar filters={[]} searchPlaceholder="Search name or e-mail…" />
      <TableMessage message={message} />
      <DataTable
        label="CAB members"
        columns={columns}
        rows={p.rows}
        total={p.total}
        page={p.page}
        pageSize={p.pageSize}
        sort={p.sort}
        sortable={['name', 'added']}
        descendingFirst={['added']}
        getRowId={(r) => r.userId}
        empty="The CAB has no member matching. Add the people who approve normal changes with security, up to the policy's quorum."
      />
    </>
  );
}

export function AddCabMemberForm({ action, tenantId, users }: { action: TAction; tenantId: string; users: TOption[] }) {
  return (
    <ActionForm action={action} submit="Add to CAB" success="Added to the CAB." toInput={(fd) => ({ tenantId, userId: fd.get('userId') })}>
      {(err) => (
        <Field label="User (holds a role in this tenant)" htmlFor="cab-user" error={err('userId')}>
          <Select id="cab-user" name="userId" empty="— choose —" options={users.map((u) => ({ value: u.id, label: u.label }))} />
        </Field>
      )}
    </ActionForm>
  );
}
