import type { ReactNode } from 'react';

/** A small static table: the data behind a chart, or a short list. */
export function SimpleTable({ head, rows, label }: { head: ReactNode[]; rows: ReactNode[][]; label: string }) {
  return (
    <table className="w-full text-left text-sm" aria-label={label}>
      <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
        <tr>
          {head.map((h, i) => (
            <th key={i} className="px-3 py-2 font-medium">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((r, i) => (
          <tr key={i}>
            {r.map((c, j) => (
              <td key={j} className="px-3 py-1.5 tabular-nums">
                {c}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
