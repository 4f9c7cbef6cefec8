'use client';
import { ChevronDown, ChevronRight } from 'lucide-react';
import { useState } from 'react';
import type { TFieldChange } from '@/lib/audit/change';

const SHOWN_FIELDS = 3;
const SHOWN_CHARS = 60;

function clip(value: string, isOpen: boolean): string {
  return isOpen || value.length <= SHOWN_CHARS ? value : `${value.slice(0, SHOWN_CHARS)}…`;
}

/**
 * One line per changed field, "field: before → after", wrapping inside the column. Long values and
 * long lists are cut, with a button (keyboard reachable, aria-expanded) that shows them whole.
 */
export function ChangeCell({ changes }: { changes: TFieldChange[] }) {
  const [isOpen, setOpen] = useState(false);
  if (changes.length === 0) return <span className="text-xs text-slate-400">—</span>;
  const isCut = changes.length > SHOWN_FIELDS || changes.some((c) => (c.before?.length ?? 0) > SHOWN_CHARS || (c.after?.length ?? 0) > SHOWN_CHARS);
  const shown = isOpen ? changes : changes.slice(0, SHOWN_FIELDS);
  return (
    <div className="min-w-56 max-w-md whitespace-normal text-xs text-slate-700">
      <ul className="space-y-0.5" data-testid="audit-change">
        {shown.map((c) => (
          <li key={c.field} className="break-words">
            <span className="font-medium text-slate-900">{c.field}</span>:{' '}
            {c.before !== null && c.after !== null ? (
              <>
                <span className="text-slate-500">{clip(c.before, isOpen)}</span> <span aria-label="changed to">→</span> <span>{clip(c.after, isOpen)}</span>
              </>
            ) : (
              <span>
                {clip(c.after ?? c.before ?? '', isOpen)}
                {c.after === null ? <span className="text-slate-500"> (removed)</span> : null}
              </span>
            )}
          </li>
        ))}
      </ul>
      {isCut ? (
        <button
          type="button"
          className="mt-1 inline-flex items-center gap-0.5 text-brand-700 hover:underline"
          aria-expanded={isOpen}
          onClick={() => setOpen(!isOpen)}
        >
          {isOpen ? <ChevronDown className="size-3" /> : <ChevronRight className="size-3" />}
          {isOpen ? 'Show less' : changes.length > SHOWN_FIELDS ? `Show all ${changes.length} fields` : 'Show full values'}
        </button>
      ) : null}
    </div>
  );
}
