import { CheckCircle2, CircleAlert, TriangleAlert } from 'lucide-react';

export type TRunCounts = { imported: number; updated: number; unchanged: number; rejected: number };

/** Green only when nothing was rejected: some rejected is amber, all rejected (or a failed run) red. */
export function runOutcomeTone(c: TRunCounts, isFailed = false): 'green' | 'amber' | 'red' {
  const accepted = c.imported + c.updated + c.unchanged;
  if (isFailed || (c.rejected > 0 && accepted === 0)) return 'red';
  return c.rejected > 0 ? 'amber' : 'green';
}

const BOX = {
  green: 'border-emerald-200 bg-emerald-50 text-emerald-800',
  amber: 'border-amber-300 bg-amber-50 text-amber-900',
  red: 'border-red-200 bg-red-50 text-red-800',
};

/** The one-line verdict of an intake run or upload, coloured by what happened to its files; `children` adds detail. */
export function RunOutcome({
  counts,
  error,
  isFailed = false,
  children,
}: {
  counts: TRunCounts;
  error?: string | null;
  isFailed?: boolean;
  children?: React.ReactNode;
}) {
  const tone = runOutcomeTone(counts, isFailed);
  const files = counts.imported + counts.updated + counts.unchanged + counts.rejected;
  const Icon = tone === 'green' ? CheckCircle2 : tone === 'amber' ? TriangleAlert : CircleAlert;
  const headline = isFailed
    ? 'Run failed'
    : tone === 'green'
      ? 'All files accepted'
      : tone === 'amber'
        ? `${counts.rejected} of ${files} file(s) rejected`
        : `All ${counts.rejected} file(s) rejected`;
  return (
    <p
      role={tone === 'green' ? 'status' : 'alert'}
      data-tone={tone}
      data-testid="run-outcome"
      className={`flex flex-wrap items-center gap-x-2 rounded-md border px-3 py-2 text-sm ${BOX[tone]}`}
    >
      <Icon className="size-4 shrink-0" aria-hidden />
      <span className="font-medium">{headline}</span>
      {children ? <span>· {children}</span> : null}
      {error ? <span className="basis-full">{error}</span> : null}
    </p>
  );
}
