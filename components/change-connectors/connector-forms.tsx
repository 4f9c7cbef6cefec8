'use client';
import { KeyRound } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/input';
import { FormMessage } from '@/components/ui/page-header';
import type { TActionResult } from '@/lib/errors';

type TCreated = { id: string; name: string; keyId: string; secret: string };
type TAction<R = unknown> = (input: Record<string, unknown>) => Promise<TActionResult<R>>;

/** Adds a webhook connector; the generated key id and secret are shown here once, right after. */
export function NewConnectorForm({ action, tenantId }: { action: TAction<TCreated>; tenantId: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [res, setRes] = useState<TActionResult<TCreated> | null>(null);
  const err = (f: string) => (res && !res.ok ? res.issues?.find((i) => i.field === f)?.message : undefined);
  return (
    <div className="space-y-4">
      <form
        className="grid grid-cols-1 gap-3 sm:grid-cols-2"
        onSubmit={async (e) => {
          e.preventDefault();
          const form = e.currentTarget;
          const fd = new FormData(form);
          setBusy(true);
          const r = await action({ tenantId, kind: 'webhook', name: fd.get('name'), url: fd.get('url') });
          setBusy(false);
          setRes(r);
          if (r.ok) {
            form.reset();
            router.refresh();
          }
        }}
      >
        <Field label="Name" htmlFor="c-name" error={err('name')} hint="Shown in approvals as connector:<name>.">
          <Input id="c-name" name="name" placeholder="ServiceNow" required />
        </Field>
        <Field label="Webhook URL" htmlFor="c-url" error={err('url')} hint="http:// or https://; change events are POSTed here.">
          <Input id="c-url" name="url" type="url" placeholder="https://cmdb.example.com/hooks/patchward" required />
        </Field>
        <div className="flex items-center gap-3 sm:col-span-2">
          <Button type="submit" size="sm" disabled={busy}>
            Add connector
          </Button>
          {res && !res.ok ? <FormMessage tone="error">{res.message}</FormMessage> : null}
        </div>
      </form>
      {res?.ok ? <SecretOnce created={res.data} onDone={() => setRes(null)} /> : null}
    </div>
  );
}

function SecretOnce({ created, onDone }: { created: TCreated; onDone: () => void }) {
  return (
    <div role="status" className="rounded-md border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900" data-testid="connector-secret">
      <p className="flex items-center gap-2 font-medium">
        <KeyRound className="size-4" aria-hidden /> {created.name} added. Copy the secret into the receiving system now: it is not shown again.
      </p>
      <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        <dt>Key id</dt>
        <dd>
          <code className="select-all break-all">{created.keyId}</code>
        </dd>
        <dt>Secret</dt>
        <dd>
          <code className="select-all break-all" data-testid="connector-secret-value">
            {created.secret}
          </code>
        </dd>
      </dl>
      <Button className="mt-3" size="sm" variant="secondary" onClick={onDone}>
        I have stored it
      </Button>
    </div>
  );
}

/** Enable/disable and delete for one connector row. */
export function ConnectorActions({
  connector,
  setEnabled,
  remove,
}: {
  connector: { id: string; name: string; isEnabled: boolean };
  setEnabled: TAction;
  remove: TAction;
}) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (fn: () => Promise<TActionResult<unknown>>) => {
    setBusy(true);
    const res = await fn();
    setBusy(false);
    setError(res.ok ? null : res.message);
    if (res.ok) router.refresh();
  };
  return (
    <span className="flex items-center justify-end gap-2">
      {error ? <FormMessage tone="error">{error}</FormMessage> : null}
      <Button
        size="sm"
        variant="secondary"
        disabled={busy}
        onClick={() => run(() => setEnabled({ connectorId: connector.id, isEnabled: !connector.isEnabled }))}
      >
        {connector.isEnabled ? 'Disable' : 'Enable'}
      </Button>
      <Button
        size="sm"
        variant="ghost"
        disabled={busy}
        aria-label={`Delete ${connector.name}`}
        onClick={() => {
          if (window.confirm(`Delete the connector "${connector.name}" and its delivery log? Its key id stops working at once.`))
            void run(() => remove({ connectorId: connector.id }));
        }}
      >
        Delete
      </Button>
    </span>
  );
}
