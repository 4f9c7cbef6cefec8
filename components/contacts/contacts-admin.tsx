'use client';
import type { ColumnDef } from '@tanstack/react-table';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ActionForm } from '@/components/admin/action-form';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { DataTable, type TSortState } from '@/components/ui/data-table';
import { FilterBar, type TFilterDef } from '@/components/ui/filter-bar';
import { formatDate } from '@/components/ui/format';
import { Field, Input, Select } from '@/components/ui/input';
import { TableMessage } from '@/components/ui/page-header';
import type { TActionResult } from '@/lib/errors';

type TAction = (input: Record<string, unknown>) => Promise<TActionResult<unknown>>;
type TOption = { id: string; label: string };

export type TContactTableRow = {
  id: string;
  name: string;
  email: string;
  userId: string | null;
  userName: string | null;
  notifyApplicable: boolean;
  notifyChanges: boolean;
  createdAt: string;
};

const fields = (tenantId: string, fd: FormData) => ({
  tenantId,
  name: fd.get('name'),
  email: fd.get('email'),
  userId: fd.get('userId') || null,
  notifyApplicable: fd.get('notifyApplicable') === 'on',
  notifyChanges: fd.get('notifyChanges') === 'on',
});

function ContactFields({
  err,
  users,
  prefix,
  initial,
}: {
  err: (f: string) => string | undefined;
  users: TOption[];
  prefix: string;
  initial?: TContactTableRow;
}) {
  return (
    <>
      <Field label="Name" htmlFor={`${prefix}-name`} error={err('name')}>
        <Input id={`${prefix}-name`} name="name" defaultValue={initial?.name} placeholder="Ann Customer" />
      </Field>
      <Field label="E-mail" htmlFor={`${prefix}-email`} error={err('email')}>
        <Input id={`${prefix}-email`} name="email" type="email" defaultValue={initial?.email} placeholder="ann@customer.example" />
      </Field>
      <Field
        label="User account (optional)"
        htmlFor={`${prefix}-user`}
        error={err('userId')}
        hint="A contact who is a user is told in-app and by e-mail to the account's address; without an account, nobody is told yet."
      >
        <Select
          id={`${prefix}-user`}
          name="userId"
          defaultValue={initial?.userId ?? ''}
          empty="— none (external) —"
          options={users.map((u) => ({ value: u.id, label: u.label }))}
        />
      </Field>
      <fieldset className="flex flex-col justify-end gap-1 text-sm">
        <label className="flex items-center gap-2">
          <input type="checkbox" name="notifyApplicable" defaultChecked={initial?.notifyApplicable ?? true} /> Patches newly applicable (one digest per run)
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="notifyChanges" defaultChecked={initial?.notifyChanges ?? true} /> Changes approved, started, ended
        </label>
      </fieldset>
    </>
  );
}

export function ContactsTable(p: {
  tenantId: string;
  rows: TContactTableRow[];
  total: number;
  page: number;
  pageSize: number;
  sort: TSortState;
  filters: TFilterDef[];
  users: TOption[];
  edit: TAction;
  remove: TAction;
}) {
  const router = useRouter();
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const current = p.rows.find((r) => r.id === editing);
  const columns: ColumnDef<TContactTableRow, unknown>[] = [
    { id: 'name', header: 'Name', cell: ({ row }) => <span className="font-medium">{row.original.name}</span> },
    { id: 'email', header: 'E-mail', cell: ({ row }) => row.original.email },
    {
      id: 'account',
      header: 'Account',
      cell: ({ row }) =>
        row.original.userName ? (
          row.original.userName
        ) : (
          <Badge tone="amber" title="Not told until notifications can address an e-mail without an account">
            external
          </Badge>
        ),
    },
    {
      id: 'notifies',
      header: 'Told about',
      cell: ({ row }) =>
        [row.original.notifyApplicable ? 'applicable patches' : null, row.original.notifyChanges ? 'changes' : null].filter(Boolean).join(', ') || (
          <span className="text-slate-500">nothing</span>
        ),
    },
    { id: 'created', header: 'Added', cell: ({ row }) => <span className="text-xs">{formatDate(row.original.createdAt)}</span> },
    {
      id: 'actions',
      header: '',
      cell: ({ row }) => (
        <span className="flex gap-1">
          <Button variant="ghost" size="sm" onClick={() => setEditing(row.original.id)}>
            Edit
          </Button>
          <Button
            variant="ghost"
            size="sm"
            disabled={busy}
            onClick={async () => {
              setBusy(true);
              const res = await p.remove({ tenantId: p.tenantId, contactId: row.original.id });
              setBusy(false);
              setMessage(res.ok ? { tone: 'success', text: `${row.original.name} removed.` } : { tone: 'error', text: res.message });
              if (res.ok) router.refresh();
            }}
          >
            Remove
          </Button>
        </span>
      ),
    },
  ];
  return (
    <>
      <FilterBar filters={p.filters} searchPlaceholder="Search name or e-mail…" />
      <TableMessage message={message} />
      {current ? (
        <div className="border-b border-slate-100 bg-slate-50 px-4 py-3">
          <ActionForm
            key={current.id}
            action={async (input) => {
              const res = await p.edit(input);
              if (res.ok) setEditing(null);
              return res;
            }}
            submit={`Save ${current.name}`}
            success="Contact saved."
            toInput={(fd) => ({ ...fields(p.tenantId, fd), contactId: current.id })}
          >
            {(err) => <ContactFields err={err} users={p.users} prefix="edit" initial={current} />}
          </ActionForm>
        </div>
      ) : null}
      <DataTable
        label="Contacts"
        columns={columns}
        rows={p.rows}
        total={p.total}
        page={p.page}
        pageSize={p.pageSize}
        sort={p.sort}
        sortable={['name', 'email', 'created']}
        descendingFirst={['created']}
        getRowId={(r) => r.id}
        empty="No contact matches. Add the customer's people below: they are told when patches apply to their systems and when changes touch them."
      />
    </>
  );
}

export function NewContactForm({ action, tenantId, users }: { action: TAction; tenantId: string; users: TOption[] }) {
  return (
    <ActionForm action={action} submit="Add contact" success="Contact added." toInput={(fd) => fields(tenantId, fd)}>
      {(err) => <ContactFields err={err} users={users} prefix="new" />}
    </ActionForm>
  );
}
