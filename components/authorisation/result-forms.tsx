'use client';
import { Paperclip } from 'lucide-react';
import { useRef } from 'react';
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
        await submit({ patchId, runId, assetId: result.assetId, outcome: fd.get('outcome'), healthCheck: fd.get('healthCheck') || undefined, notes: fd.get('notes'), evidenceLinks: links });
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
          <Textarea id={`l-${id}`} name="links" className="min-h-12 font-mono text-xs" defaultValue={result.evidenceLinks.join('\n')} placeholder="https://ci.example.com/job/123" />
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
export function EvidenceUploadForm({ action, patchId, runId, assetId, asset }: { action: TAction<{ evidenceId: string }>; patchId: string; runId: string; assetId: string; asset: string }) {
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
