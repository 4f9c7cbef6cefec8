'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/input';
import { FormMessage } from '@/components/ui/page-header';
import type { TActionResult, TIssue } from '@/lib/errors';

type TValues = { ringId: string; zone: string; criticality: string; lifecycle: string; applicationId: string | null; osRelease: string; tags: string[] };
type Props = {
  assetId: string;
  values: TValues;
  rings: { id: string; name: string }[];
  /** Only applications the actor may assign the asset to (an app owner: their own). */
  applications: { id: string; name: string }[];
  /** Whether "none" is offered: an app owner may not leave an asset without an application they own. */
  canUnassign: boolean;
  criticalities: readonly string[];
  lifecycles: readonly string[];
  zones: string[];
  action: (input: Record<string, unknown>) => Promise<TActionResult<{ changed: boolean }>>;
};

/** Edits an asset's attributes; server-side validation messages appear next to their fields. */
export function AssetEditForm({ assetId, values, rings, applications, canUnassign, criticalities, lifecycles, zones, action }: Props) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [issues, setIssues] = useState<TIssue[]>([]);
  const err = (f: string) => issues.find((i) => i.field === f)?.message;
  return (
    <form
      className="grid grid-cols-1 gap-4 sm:grid-cols-2"
      onSubmit={async (e) => {
        e.preventDefault();
        const fd = new FormData(e.currentTarget);
        setBusy(true);
        const res = await action({
          assetId,
          ringId: fd.get('ringId'),
          zone: fd.get('zone'),
          criticality: fd.get('criticality'),
          lifecycle: fd.get('lifecycle'),
          applicationId: fd.get('applicationId') || null,
          osRelease: fd.get('osRelease'),
          tags: String(fd.get('tags') ?? '')
            .split(',')
            .map((t) => t.trim())
            .filter(Boolean),
        });
        setBusy(false);
        setIssues(res.ok ? [] : (res.issues ?? []));
        setMsg(
          res.ok
            ? { tone: 'success', text: res.data.changed ? 'Saved. The change is recorded in the audit log.' : 'No changes to save.' }
            : { tone: 'error', text: res.message },
        );
        if (res.ok) router.refresh();
      }}
    >
      <Field label="Ring" htmlFor="ringId" error={err('ringId')}>
        <Select id="ringId" name="ringId" defaultValue={values.ringId} options={rings.map((r) => ({ value: r.id, label: r.name }))} />
      </Field>
      <Field label="Time zone (IANA)" htmlFor="zone" error={err('zone')}>
        <Input id="zone" name="zone" list="zone-options" defaultValue={values.zone} aria-invalid={!!err('zone')} />
        <datalist id="zone-options">
          {zones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
      </Field>
      <Field label="Application" htmlFor="applicationId" error={err('applicationId')}>
        <Select
          id="applicationId"
          name="applicationId"
          defaultValue={values.applicationId ?? ''}
          empty={canUnassign || !values.applicationId ? '— none —' : undefined}
          options={applications.map((a) => ({ value: a.id, label: a.name }))}
        />
      </Field>
      <Field label="Criticality" htmlFor="criticality">
        <Select id="criticality" name="criticality" defaultValue={values.criticality} options={criticalities} />
      </Field>
      <Field label="Lifecycle" htmlFor="lifecycle">
        <Select id="lifecycle" name="lifecycle" defaultValue={values.lifecycle} options={lifecycles} />
      </Field>
      <Field label="OS release" htmlFor="osRelease" error={err('osRelease')}>
        <Input id="osRelease" name="osRelease" defaultValue={values.osRelease} />
      </Field>
      <div className="sm:col-span-2">
        <Field label="Tags (comma separated)" htmlFor="tags" error={err('tags')}>
          <Input id="tags" name="tags" defaultValue={values.tags.join(', ')} />
        </Field>
      </div>
      <div className="flex items-center gap-3 sm:col-span-2">
        <Button type="submit" disabled={busy}>
          {busy ? 'Saving…' : 'Save changes'}
        </Button>
        {msg ? <FormMessage tone={msg.tone}>{msg.text}</FormMessage> : null}
      </div>
    </form>
  );
}
