import { Badge } from '@/components/ui/badge';
import { formatDateTime } from '@/components/ui/format';
import { EmptyState } from '@/components/ui/page-header';
import type { TDecisionView } from '@/lib/authorisation/decision-view';
import { importTestResultsAction, recordTestResultsAction } from '@/app/(console)/patches/[id]/decide/result-bulk-actions';
import { BulkResultForm, EvidenceUploadForm, ImportResultsForm, ResultForm } from './result-forms';
import { OutcomeBadge, RunStatusBadge } from './status-badge';
import type { TAction } from './use-submit';

const kb = (n: number) => (n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(0)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);
const targetLabel = (t: string) => (t.startsWith('ring:') ? `ring ${t.slice(5)}` : t.startsWith('tag:') ? `environment ${t.slice(4)}` : t);

/** Test runs with their per-asset results and evidence; security users record results inline. */
export function TestRuns({
  patchId,
  runs,
  canTest,
  recordResult,
  uploadEvidence,
}: {
  patchId: string;
  runs: TDecisionView['runs'];
  canTest: (tenantId: string) => boolean;
  recordResult: TAction<{ runStatus: string }>;
  uploadEvidence: TAction<{ evidenceId: string }>;
}) {
  if (runs.length === 0) {
    return (
      <EmptyState title="No test run yet">
        Start one on a tenant&apos;s test ring or a named test environment; then record each asset&apos;s result here.
      </EmptyState>
    );
  }
  return (
    <div className="divide-y divide-slate-100">
      {runs.map((run) => (
        <section key={run.id} className="px-5 py-4" data-testid="test-run" aria-label={`Test run ${run.tenant} ${targetLabel(run.target)}`}>
          <header className="mb-2 flex flex-wrap items-center gap-2 text-sm">
            <span className="font-medium">
              {run.tenant} · {targetLabel(run.target)}
            </span>
            <RunStatusBadge status={run.status} />
            {run.isPassed ? <Badge tone="green">counts as passed</Badge> : null}
            {run.isStale ? (
              <Badge tone="amber" title="The vendor revised the patch after this run started">
                older revision
              </Badge>
            ) : null}
            <span className="text-xs text-slate-500">
              {run.counts.passed} passed · {run.counts.failed} failed · {run.counts.blocked} blocked · {run.counts.pending} pending — started by{' '}
              {run.createdByName ?? 'unknown'} {formatDateTime(run.createdAt)}
            </span>
          </header>
          {canTest(run.tenantId) ? (
            <details className="mb-2" data-testid="bulk-results">
              <summary className="cursor-pointer text-sm text-brand-600">Record several results at once, or import a test report</summary>
              <div className="mt-2 grid grid-cols-1 gap-4 rounded-md border border-slate-200 bg-slate-50 p-3 lg:grid-cols-2">
                <BulkResultForm action={recordTestResultsAction} patchId={patchId} runId={run.id} results={run.results} />
                <ImportResultsForm action={importTestResultsAction} patchId={patchId} runId={run.id} />
              </div>
            </details>
          ) : null}
          <table className="w-full text-left text-sm" aria-label={`Results of ${run.tenant} ${targetLabel(run.target)}`}>
            <thead className="text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="py-1 pr-3 font-medium">Asset</th>
                <th className="py-1 pr-3 font-medium">Outcome</th>
                <th className="py-1 pr-3 font-medium">Health</th>
                <th className="py-1 pr-3 font-medium">Notes and evidence</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 align-top">
              {run.results.map((r) => (
                <tr key={r.assetId} data-testid="test-result">
                  <td className="py-1.5 pr-3">
                    <span className="font-mono text-xs">{r.asset}</span>
                    <div className="text-xs text-slate-500">ring {r.ring}</div>
                  </td>
                  <td className="py-1.5 pr-3">
                    <OutcomeBadge outcome={r.outcome} />
                  </td>
                  <td className="py-1.5 pr-3 text-xs">{r.healthCheck?.replace('_', ' ') ?? '—'}</td>
                  <td className="py-1.5 pr-3 text-xs">
                    {r.notes ? <p className="whitespace-pre-wrap">{r.notes}</p> : null}
                    <ul className="space-y-0.5">
                      {r.evidenceLinks.map((l) => (
                        <li key={l} className="truncate">
                          <a className="text-brand-600 hover:underline" href={l} rel="noreferrer noopener" target="_blank">
                            {l}
                          </a>
                        </li>
                      ))}
                      {r.evidence.map((e) => (
                        <li key={e.id}>
                          <a className="text-brand-600 hover:underline" href={`/api/v1/patches/${patchId}/evidence/${e.id}`} title={`sha256 ${e.sha256}`}>
                            {e.filename}
                          </a>{' '}
                          <span className="text-slate-500">({kb(e.size)})</span>
                        </li>
                      ))}
                    </ul>
                    {r.recordedAt ? (
                      <p className="text-slate-500">
                        {r.recordedByName ?? 'unknown'} · {formatDateTime(r.recordedAt)}
                      </p>
                    ) : null}
                    {canTest(run.tenantId) ? (
                      <details className="mt-1">
                        <summary className="cursor-pointer text-brand-600">
                          {r.outcome === 'pending' ? 'Record result' : 'Correct result or attach evidence'}
                        </summary>
                        <div className="mt-2 space-y-3 rounded-md border border-slate-200 bg-slate-50 p-3">
                          <ResultForm action={recordResult} patchId={patchId} runId={run.id} result={r} />
                          <EvidenceUploadForm action={uploadEvidence} patchId={patchId} runId={run.id} assetId={r.assetId} asset={r.asset} />
                        </div>
                      </details>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
