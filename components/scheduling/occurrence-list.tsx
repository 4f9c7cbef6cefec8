import type { TZonePreview } from '@/lib/scheduling/window-preview';

/** Next openings of a window, each on its own wall clock and in UTC (once, for a window kept in UTC). */
export function OccurrenceList({ previews }: { previews: TZonePreview[] }) {
  if (previews.every((p) => p.occurrences.length === 0)) return <span className="text-xs text-slate-500">No opening in the next 400 days</span>;
  return (
    <div className="space-y-2" data-testid="occurrences">
      {previews.map((p) => (
        <div key={p.zone}>
          {p.isSample ? <p className="text-xs font-medium text-slate-600">in {p.zone}</p> : null}
          <ul className="space-y-1">
            {p.occurrences.map((o) => (
              <li key={o.start} className="text-xs tabular-nums">
                <span className="text-slate-800">
                  {o.local} {p.isSample ? '' : p.zone}
                </span>
                {p.zone === 'UTC' ? null : (
                  <>
                    <br />
                    <span className="text-slate-500">{o.utc} UTC</span>
                  </>
                )}
                {o.blackout ? <span className="ml-1 rounded bg-amber-50 px-1 text-amber-800">blackout: {o.blackout}</span> : null}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
