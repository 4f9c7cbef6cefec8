'use client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/page-header';

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
};

const TONE: Record<string, 'green' | 'brand' | 'neutral' | 'red' | 'purple'> = { imported: 'green', updated: 'brand', unchanged: 'neutral', rejected: 'red', enriched: 'purple' };

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
          <details>
            <summary className="flex cursor-pointer flex-wrap items-center gap-3 text-sm">
              <Badge tone={run.status === 'done' ? 'green' : run.status === 'failed' ? 'red' : 'amber'}>{run.status}</Badge>
              <span className="font-medium">{run.trigger}</span>
              <span className="text-slate-500">{new Date(run.startedAt).toISOString().slice(0, 16).replace('T', ' ')} UTC</span>
              {run.status === 'running' && run.total > 0 ? (
                <span className="flex items-center gap-2" role="progressbar" aria-valuenow={run.processed} aria-valuemax={run.total}>
                  <span className="h-1.5 w-32 overflow-hidden rounded bg-slate-200">
                    <span className="block h-full bg-brand-500" style={{ width: `${Math.round((run.processed / run.total) * 100)}%` }} />
                  </span>
                  <span className="text-xs tabular-nums text-slate-500">{run.processed}/{run.total}</span>
                </span>
              ) : null}
              <span className="ml-auto text-xs text-slate-600" data-testid="run-counts">
                {run.imported} imported · {run.updated} updated · {run.unchanged} unchanged · {run.rejected} rejected
              </span>
            </summary>
            {run.error ? <p className="mt-2 text-sm text-red-700">{run.error}</p> : null}
            <ul className="mt-2 max-h-64 space-y-1 overflow-y-auto text-xs">
              {run.results.map((r, i) => (
                <li key={i} className="flex gap-2">
                  <Badge tone={TONE[r.outcome] ?? 'neutral'}>{r.outcome}</Badge>
                  <span className="font-mono">{r.file}</span>
                  {r.reason ? <span className="text-slate-500">— {r.field ? `${r.field}: ` : ''}{r.reason}</span> : r.patches ? <span className="text-slate-500">— {r.patches} patch(es)</span> : null}
                </li>
              ))}
            </ul>
          </details>
        </li>
      ))}
    </ul>
  );
}
