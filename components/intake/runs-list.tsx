'use client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ChevronDown, ChevronRight } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/page-header';
import { RunOutcome } from './run-outcome';

type TRun = {
  id: string;
  trigger: string;
  status: string;
  total: number;
  processed: number;
  imported: number;
  updated: number;
  unchanged: number;
  rejected: number;
  results: { file: string; outcome: string; reason?: string; field?: string; patches?: number }[];
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
  /** The tenant the run imported for; null for the global catalogue. */
  tenant: string | null;
};

const TONE: Record<string, 'green' | 'brand' | 'neutral' | 'red' | 'purple'> = {
  imported: 'green',
  updated: 'brand',
  unchanged: 'neutral',
  rejected: 'red',
  enriched: 'purple',
};

/**
 * The per-file results behind an explicit disclosure: a real button (keyboard, aria-expanded) saying
 * what it opens, rejected files first so their reasons are the first thing seen.
 */
function RunFiles({ run }: { run: TRun }) {
  const [isOpen, setOpen] = useState(false);
  if (run.results.length === 0) return null;
  const listId = `run-files-${run.id}`;
  const rejected = run.results.filter((r) => r.outcome === 'rejected').length;
  const results = [...run.results].sort((a, b) => Number(b.outcome === 'rejected') - Number(a.outcome === 'rejected'));
  const label = rejected > 0 ? `${rejected} reason${rejected === 1 ? '' : 's'}` : `${run.results.length} file${run.results.length === 1 ? '' : 's'}`;
  return (
    <div className="mt-2">
      <button
        type="button"
        className="inline-flex items-center gap-1 text-sm font-medium text-brand-700 hover:underline"
        aria-expanded={isOpen}
        aria-controls={listId}
        onClick={() => setOpen(!isOpen)}
      >
        {isOpen ? <ChevronDown className="size-4" aria-hidden /> : <ChevronRight className="size-4" aria-hidden />}
        {isOpen ? `Hide ${label}` : `Show ${label}`}
      </button>
      {isOpen ? (
        <ul id={listId} className="mt-2 max-h-64 space-y-1 overflow-y-auto text-xs">
          {results.map((r, i) => (
            <li key={i} className="flex flex-wrap gap-x-2">
              <Badge tone={TONE[r.outcome] ?? 'neutral'}>{r.outcome}</Badge>
              <span className="break-all font-mono">{r.file}</span>
              {r.reason ? (
                <span className="text-slate-600">
                  — {r.field ? `${r.field}: ` : ''}
                  {r.reason}
                </span>
              ) : r.patches ? (
                <span className="text-slate-500">— {r.patches} patch(es)</span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** Intake runs with live progress: polls while any run is still going. */
export function RunsList({ initial }: { initial: TRun[] }) {
  const client = useQueryClient();
  // A server re-render (after an upload) brings fresher runs than the cache holds.
  useEffect(() => {
    client.setQueryData(['intake-runs'], { runs: initial });
  }, [client, initial]);
  const { data } = useQuery({
    queryKey: ['intake-runs'],
    initialData: { runs: initial },
    queryFn: async () => (await fetch('/api/v1/intake/runs')).json() as Promise<{ runs: TRun[] }>,
    refetchInterval: (q) => (q.state.data?.runs.some((r) => r.status === 'running') ? 1000 : 10_000),
  });
  if (!data.runs.length) return <EmptyState title="No intake runs yet">Upload advisories above, or add a folder or URL source.</EmptyState>;
  return (
    <ul className="divide-y divide-slate-100" aria-label="Intake runs">
      {data.runs.map((run) => (
        <li key={run.id} className="px-5 py-3" data-testid="intake-run">
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <Badge tone={run.status === 'running' ? 'amber' : run.status === 'failed' ? 'red' : 'neutral'}>{run.status}</Badge>
            <span className="font-medium">{run.trigger}</span>
            <span className="text-xs text-slate-500" data-testid="run-scope">
              {run.tenant ?? 'Global'}
            </span>
            <span className="text-slate-500">{new Date(run.startedAt).toISOString().slice(0, 16).replace('T', ' ')} UTC</span>
            {run.status === 'running' && run.total > 0 ? (
              <span className="flex items-center gap-2" role="progressbar" aria-valuenow={run.processed} aria-valuemax={run.total}>
                <span className="h-1.5 w-32 overflow-hidden rounded bg-slate-200">
                  <span className="block h-full bg-brand-500" style={{ width: `${Math.round((run.processed / run.total) * 100)}%` }} />
                </span>
                <span className="text-xs tabular-nums text-slate-500">
                  {run.processed}/{run.total}
                </span>
              </span>
            ) : null}
            <span className="ml-auto text-xs text-slate-600" data-testid="run-counts">
              {run.imported} imported · {run.updated} updated · {run.unchanged} unchanged · {run.rejected} rejected
            </span>
          </div>
          {run.status === 'running' ? null : (
            <div className="mt-2">
              <RunOutcome counts={run} error={run.error} isFailed={run.status === 'failed'} />
            </div>
          )}
          <RunFiles run={run} />
        </li>
      ))}
    </ul>
  );
}
