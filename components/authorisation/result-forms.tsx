'use client';
import { FileUp, Paperclip } from 'lucide-react';
import { useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, Input, Select, Textarea } from '@/components/ui/input';
import { HEALTH_CHECKS, TEST_OUTCOMES } from '@/lib/domain/patch-lifecycle';
import { SubmitResult, useSubmit, type TAction } from './use-submit';

type TResult = { assetId: string; asset: string; outcome: string; notes: string | null; healthCheck: string | null; evidenceLinks: string[] };

/** Records one asset's result by hand (until a deployment connector reports it). */
export function ResultForm({ action, patchId, runId, result }: { action: TAction<{ runStatus: string }>; patchId: string; runId: string; result: TResult }) {
  const { busy, res, submit, err } = useSubmit(action);
  const id = `${runId.slice(0, 8)}-${result.assetId.slice(0, 8)}`;
  return (
    <form
      noValidate
      aria-label={`Result for ${result.asset}`}
      className="grid grid-cols-1 gap-2 sm:grid-cols-2"
      onSubmit={async (e) => {
        e.preventDefault();
        const fd = new FormData(e.currentTarget);
        const links = String(fd.get('links') ?? '')
          .split(/\s+/)
          .map((s) => s.trim())
          .filter(Boolean);
        await submit({
          patchId,
          runId,
          assetId: result.assetId,
          outcome: fd.get('outcome'),
          healthCheck: fd.get('healthCheck') || undefined,
          notes: fd.get('notes'),
          evidenceLinks: links,
        });
      }}
    >
      <Field label="Outcome" htmlFor={`o-${id}`} error={err('outcome')}>
        <Select id={`o-${id}`} name="outcome" defaultValue={result.outcome === 'pending' ? 'passed' : result.outcome}>
          {TEST_OUTCOMES.map((o) => (
            <option key={o}>{o}</option>
          ))}
        </Select>
      </Field>
      <Field label="Health check" htmlFor={`h-${id}`} error={err('healthCheck')}>
        <Select id={`h-${id}`} name="healthCheck" defaultValue={result.healthCheck ?? 'healthy'}>
          {HEALTH_CHECKS.map((h) => (
            <option key={h} value={h}>
              {h.replace('_', ' ')}
            </option>
          ))}
        </Select>
      </Field>
      <div className="sm:col-span-2">
        <Field label="Notes (required when failed or blocked: say why)" htmlFor={`n-${id}`} error={err('notes')}>
          <Textarea id={`n-${id}`} name="notes" defaultValue={result.notes ?? ''} aria-invalid={!!err('notes')} />
        </Field>
      </div>
      <div className="sm:col-span-2">
        <Field label="Evidence links (one per line)" htmlFor={`l-${id}`} error={err('evidenceLinks')}>
          <Textarea
            id={`l-${id}`}
            name="links"
            className="min-h-12 font-mono text-xs"
            defaultValue={result.evidenceLinks.join('\n')}
            placeholder="https://ci.example.com/job/123"
          />
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-2 sm:col-span-2">
        <Button type="submit" size="sm" disabled={busy}>
          {busy ? 'Saving…' : 'Save result'}
        </Button>
        <SubmitResult res={res} success={(d) => `Saved. The run is ${d.runStatus}.`} />
      </div>
    </form>
  );
}

/** Attaches a small evidence file (log, screenshot; at most 5 MB) to one asset's result. */
export function EvidenceUploadForm({
  action,
  patchId,
  runId,
  assetId,
  asset,
}: {
  action: TAction<{ evidenceId: string }>;
  patchId: string;
  runId: string;
  assetId: string;
  asset: string;
}) {
  const { busy, res, submit, err } = useSubmit(action);
  const ref = useRef<HTMLFormElement>(null);
  const id = `f-${runId.slice(0, 8)}-${assetId.slice(0, 8)}`;
  return (
    <form
      noValidate
      ref={ref}
      aria-label={`Evidence for ${asset}`}
      className="flex flex-wrap items-end gap-2"
      onSubmit={async (e) => {
        e.preventDefault();
        const file = new FormData(e.currentTarget).get('file');
        const r = await submit({ patchId, runId, assetId, file: file instanceof File && file.size > 0 ? file : null });
        if (r.ok) ref.current?.reset();
      }}
    >
      <Field label="Evidence file (≤ 5 MB)" htmlFor={id} error={err('file')}>
        <Input id={id} name="file" type="file" className="h-auto py-1" />
      </Field>
      <Button type="submit" size="sm" variant="secondary" disabled={busy}>
        <Paperclip /> {busy ? 'Uploading…' : 'Attach'}
      </Button>
      <SubmitResult res={res} success={() => 'Evidence attached.'} />
    </form>
  );
}

type TBulkResult = { runStatus: string; recorded: number; unchanged: number };
type TRunAsset = { assetId: string; asset: string; outcome: string };

/** Marks all or the ticked assets of a run with one outcome and one note (required unless passed). */
export function BulkResultForm({ action, patchId, runId, results }: { action: TAction<TBulkResult>; patchId: string; runId: string; results: TRunAsset[] }) {
  const { busy, res, submit, err } = useSubmit(action);
  const [picked, setPicked] = useState<string[]>([]);
  const id = `bulk-${runId.slice(0, 8)}`;
  const toggle = (assetId: string) => setPicked((p) => (p.includes(assetId) ? p.filter((a) => a !== assetId) : [...p, assetId]));
  return (
    <form
      noValidate
      aria-label="Mark several results"
      className="grid grid-cols-1 gap-2 sm:grid-cols-2"
      onSubmit={async (e) => {
        e.preventDefault();
        const fd = new FormData(e.currentTarget);
        const all = (e.nativeEvent as SubmitEvent).submitter?.getAttribute('value') === 'all';
        const r = await submit({ patchId, runId, all, assetIds: all ? [] : picked, outcome: fd.get('outcome'), notes: fd.get('notes') });
        if (r.ok) setPicked([]);
      }}
    >
      <fieldset className="sm:col-span-2">
        <legend className="mb-1 text-xs font-medium text-slate-600">Assets</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1 text-xs">
          {results.map((r) => (
            <label key={r.assetId} className="inline-flex items-center gap-1.5">
              <input type="checkbox" checked={picked.includes(r.assetId)} onChange={() => toggle(r.assetId)} />
              <span className="font-mono">{r.asset}</span> <span className="text-slate-500">({r.outcome})</span>
            </label>
          ))}
        </div>
        {err('assetIds') ? <p className="mt-1 text-xs text-red-600">{err('assetIds')}</p> : null}
      </fieldset>
      <Field label="Outcome" htmlFor={`${id}-o`} error={err('outcome')}>
        <Select id={`${id}-o`} name="outcome" defaultValue="passed" options={TEST_OUTCOMES} />
      </Field>
      <Field label="Note (required when failed or blocked)" htmlFor={`${id}-n`} error={err('notes')}>
        <Textarea id={`${id}-n`} name="notes" className="min-h-9" aria-invalid={!!err('notes')} />
      </Field>
      <div className="flex flex-wrap items-center gap-2 sm:col-span-2">
        <Button type="submit" size="sm" value="selected" disabled={busy || picked.length === 0}>
          Mark {picked.length} selected
        </Button>
        <Button type="submit" size="sm" variant="secondary" value="all" disabled={busy}>
          Mark all {results.length}
        </Button>
        <SubmitResult
          res={res}
          success={(d) => `Recorded ${d.recorded} result(s)${d.unchanged ? `, ${d.unchanged} already so` : ''}. The run is ${d.runStatus}.`}
        />
      </div>
    </form>
  );
}

type TImportResult = TBulkResult & { format: string; matched: number; unmatched: string[] };

/** Imports a pipeline's JUnit XML or CSV (asset,outcome,notes) report into the run; problems are listed by line. */
export function ImportResultsForm({ action, patchId, runId }: { action: TAction<TImportResult>; patchId: string; runId: string }) {
  const { busy, res, submit, err } = useSubmit(action);
  const ref = useRef<HTMLFormElement>(null);
  const id = `import-${runId.slice(0, 8)}`;
  return (
    <form
      noValidate
      ref={ref}
      aria-label="Import a test report"
      className="space-y-2"
      onSubmit={async (e) => {
        e.preventDefault();
        const file = new FormData(e.currentTarget).get('file');
        const r = await submit({ patchId, runId, file: file instanceof File && file.size > 0 ? file : null });
        if (r.ok) ref.current?.reset();
      }}
    >
      <div className="flex flex-wrap items-end gap-2">
        <Field
          label="Report (JUnit XML, or CSV with asset,outcome,notes)"
          htmlFor={id}
          error={res && !res.ok && !res.issues?.length ? err('file') : undefined}
          hint="JUnit: each testcase's asset is its hostname property, else its name or classname, else its suite's hostname; failure/error → failed, skipped → blocked."
        >
          <Input id={id} name="file" type="file" accept=".xml,.csv,text/xml,text/csv" className="h-auto py-1" />
        </Field>
        <Button type="submit" size="sm" variant="secondary" disabled={busy}>
          <FileUp /> {busy ? 'Importing…' : 'Import results'}
        </Button>
      </div>
      <SubmitResult
        res={res}
        success={(d) =>
          `Recorded ${d.recorded} result(s) from the ${d.format === 'junit' ? 'JUnit' : 'CSV'} report (${d.matched} asset(s) matched). The run is ${d.runStatus}.`
        }
      />
      {res?.ok && res.data.unmatched.length ? (
        <div className="text-xs text-amber-800" data-testid="unmatched">
          Not in this run, not recorded:
          <ul className="ml-4 list-disc">
            {res.data.unmatched.slice(0, 20).map((u) => (
              <li key={u}>{u}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {res && !res.ok && res.issues && res.issues.length > 1 ? (
        <ul className="ml-4 list-disc text-xs text-red-700" aria-label="Problems in the report">
          {res.issues.slice(0, 20).map((i, n) => (
            <li key={n}>{i.message}</li>
          ))}
        </ul>
      ) : null}
    </form>
  );
}
