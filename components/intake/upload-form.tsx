'use client';
import { Upload } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/input';
import { FormMessage } from '@/components/ui/page-header';
import type { TActionResult } from '@/lib/errors';
import { RunOutcome } from './run-outcome';
import { ScopeSelect, type TScopeOption } from './scope-select';

type TSummary = { imported: number; updated: number; unchanged: number; rejected: number; newlyMissing: number };

export function UploadAdvisoriesForm({
  action,
  scopes,
}: {
  action: (input: { scope: string; files: File[] }) => Promise<TActionResult<TSummary>>;
  scopes: TScopeOption[];
}) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [res, setRes] = useState<TActionResult<TSummary> | null>(null);
  return (
    <form
      className="space-y-3"
      onSubmit={async (e) => {
        e.preventDefault();
        const fd = new FormData(e.currentTarget);
        const files = (fd.getAll('files') as File[]).filter((f) => f.size > 0);
        setBusy(true);
        const r = await action({ scope: String(fd.get('scope') ?? ''), files });
        setBusy(false);
        setRes(r);
        router.refresh();
      }}
    >
      <ScopeSelect
        id="upload-scope"
        label="Import into"
        options={scopes}
        error={res && !res.ok ? res.issues?.find((i) => i.field === 'scope')?.message : undefined}
      />
      <Field
        label="Advisory documents"
        htmlFor="files"
        hint="CSAF 2.0, OSV (JSON/YAML), Microsoft CVRF XML, CISA KEV JSON, EPSS CSV, Debian tracker JSON · several at once"
      >
        <Input id="files" name="files" type="file" multiple className="h-auto py-1.5" required />
      </Field>
      <Button type="submit" disabled={busy}>
        <Upload /> {busy ? 'Importing…' : 'Import'}
      </Button>
      {res?.ok ? (
        <RunOutcome counts={res.data}>
          {`${res.data.imported} imported, ${res.data.updated} updated, ${res.data.unchanged} unchanged, ${res.data.rejected} rejected · ${res.data.newlyMissing} newly missing patch × asset pairs`}
          {res.data.rejected > 0 ? ' · the reasons are in the run below' : ''}
        </RunOutcome>
      ) : res ? (
        <FormMessage tone="error">{res.message}</FormMessage>
      ) : null}
    </form>
  );
}
