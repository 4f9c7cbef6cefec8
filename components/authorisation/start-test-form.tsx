'use client';
import { FlaskConical } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, Select } from '@/components/ui/input';
import { SubmitResult, useSubmit, type TAction } from './use-submit';

type TTarget = { name: string; assets: number };
export type TTestTenant = { id: string; name: string; rings: TTarget[]; tags: TTarget[] };

/** Starts a test run on a tenant's test ring or a named test environment (assets carrying a tag). */
export function StartTestForm({ action, patchId, tenants }: { action: TAction<{ runId: string; assets: number }>; patchId: string; tenants: TTestTenant[] }) {
  const { busy, res, submit, err } = useSubmit(action);
  // Start where the patch applies: the first tenant with a ring or tag to test on.
  const [tenantId, setTenantId] = useState((tenants.find((t) => t.rings.length || t.tags.length) ?? tenants[0])?.id ?? '');
  const tenant = tenants.find((t) => t.id === tenantId);
  const [kind, setKind] = useState<'ring' | 'tag'>('ring');
  const options = (kind === 'ring' ? tenant?.rings : tenant?.tags) ?? [];
  const preferred = kind === 'ring' ? (options.find((o) => o.name === 'test') ?? options[0]) : options[0];
  const [target, setTarget] = useState(preferred?.name ?? '');
  const current = options.some((o) => o.name === target) ? target : (preferred?.name ?? '');
  return (
    <form
      noValidate
      aria-label="Start a test run"
      className="grid grid-cols-1 gap-3 sm:grid-cols-4"
      onSubmit={async (e) => {
        e.preventDefault();
        await submit({ patchId, tenantId, targetKind: kind, target: current });
      }}
    >
      <Field label="Tenant" htmlFor="t-tenant" error={err('tenantId')}>
        <Select id="t-tenant" value={tenantId} onChange={(e) => setTenantId(e.target.value)}>
          {tenants.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
              {t.rings.length || t.tags.length ? '' : ' (not applicable)'}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Test on" htmlFor="t-kind">
        <Select id="t-kind" value={kind} onChange={(e) => setKind(e.target.value as 'ring' | 'tag')}>
          <option value="ring">a ring</option>
          <option value="tag">a named test environment (tag)</option>
        </Select>
      </Field>
      <Field
        label={kind === 'ring' ? 'Ring' : 'Environment tag'}
        htmlFor="t-target"
        error={err('target')}
        hint={options.length ? undefined : 'The patch applies to no asset here.'}
      >
        <Select id="t-target" value={current} onChange={(e) => setTarget(e.target.value)} aria-invalid={!!err('target')}>
          {options.length === 0 ? <option value="">none</option> : null}
          {options.map((o) => (
            <option key={o.name} value={o.name}>
              {o.name} ({o.assets} asset{o.assets === 1 ? '' : 's'})
            </option>
          ))}
        </Select>
      </Field>
      <div className="flex items-end">
        <Button type="submit" disabled={busy || !current}>
          <FlaskConical /> {busy ? 'Starting…' : 'Start test run'}
        </Button>
      </div>
      <div className="sm:col-span-4">
        <SubmitResult res={res} success={(d) => `Test run started on ${d.assets} asset${d.assets === 1 ? '' : 's'}. Record each result below.`} />
      </div>
    </form>
  );
}
