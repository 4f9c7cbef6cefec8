'use client';
import { Play, RefreshCw } from 'lucide-react';
import { useState } from 'react';
import { ActionForm } from '@/components/admin/action-form';
import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/input';
import type { TActionResult } from '@/lib/errors';
import { ScopeSelect, type TScopeOption } from './scope-select';

type TAction = (input: Record<string, unknown>) => Promise<TActionResult<unknown>>;

export function NewSourceForm({ action, scopes }: { action: TAction; scopes: TScopeOption[] }) {
  return (
    <ActionForm
      action={action}
      submit="Add source"
      success="Source added; it will be polled on its schedule."
      toInput={(fd) => {
        const kind = String(fd.get('kind'));
        const where = String(fd.get('where') ?? '');
        return {
          name: fd.get('name'),
          scope: fd.get('scope'),
          config: kind === 'url' ? { source: 'url', url: where, pollMinutes: fd.get('poll') } : { source: 'folder', path: where, pollMinutes: fd.get('poll') },
        };
      }}
    >
      {(err) => (
        <>
          <Field label="Name" htmlFor="s-name" error={err('name')}>
            <Input id="s-name" name="name" placeholder="Red Hat CSAF" />
          </Field>
          <ScopeSelect id="s-scope" options={scopes} error={err('scope')} />
          <Field label="Kind" htmlFor="s-kind">
            <Select id="s-kind" name="kind" defaultValue="url">
              <option value="url">URL (document, ROLIE feed or provider-metadata.json)</option>
              <option value="folder">Folder on the server</option>
            </Select>
          </Field>
          <Field label="URL or folder path" htmlFor="s-where" error={err('config.url') ?? err('config.path') ?? err('config')}>
            <Input id="s-where" name="where" placeholder="https://…/provider-metadata.json" />
          </Field>
          <Field label="Poll every (minutes)" htmlFor="s-poll" error={err('config.pollMinutes')}>
            <Input id="s-poll" name="poll" type="number" min={1} defaultValue={360} />
          </Field>
        </>
      )}
    </ActionForm>
  );
}

export function RunButton({
  action,
  input,
  label,
  icon = 'play',
}: {
  action: TAction;
  input: Record<string, unknown>;
  label: string;
  icon?: 'play' | 'refresh';
}) {
  const [msg, setMsg] = useState<string | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        size="sm"
        variant="secondary"
        onClick={async () => {
          const r = await action(input);
          setMsg(r.ok ? 'Queued — progress appears under Runs.' : r.message);
        }}
      >
        {icon === 'play' ? <Play /> : <RefreshCw />} {label}
      </Button>
      {msg ? (
        <span className="text-xs text-slate-500" role="status">
          {msg}
        </span>
      ) : null}
    </span>
  );
}
