'use client';
import { useEffect, useState } from 'react';
import { Input, Label } from '@/components/ui/input';
import { useUrlState } from '@/components/ui/use-url-state';

/**
 * From/to days (UTC, both inclusive) kept in the URL. A "to" before "from" is refused here with a
 * message and not applied; the server checks again (`error`) for hand-edited links.
 */
export function DateRange({ error }: { error: string | null }) {
  const { params, set } = useUrlState();
  const [from, setFrom] = useState(params.get('from') ?? '');
  const [to, setTo] = useState(params.get('to') ?? '');
  const [localError, setLocalError] = useState<string | null>(null);
  // Back/forward and links change the URL under the fields: follow it.
  const urlFrom = params.get('from') ?? '';
  const urlTo = params.get('to') ?? '';
  useEffect(() => {
    setFrom(urlFrom);
    setTo(urlTo);
    setLocalError(null);
  }, [urlFrom, urlTo]);
  const apply = (nextFrom: string, nextTo: string) => {
    setFrom(nextFrom);
    setTo(nextTo);
    if (nextFrom && nextTo && nextTo < nextFrom) {
      setLocalError('The “to” date must be on or after the “from” date.');
      return;
    }
    setLocalError(null);
    set({ from: nextFrom || null, to: nextTo || null });
  };
  const message = localError ?? error;
  return (
    <div className="flex flex-wrap items-end gap-2 border-b border-slate-100 px-4 py-3">
      <div>
        <Label htmlFor="audit-from">From (UTC day)</Label>
        <Input
          id="audit-from"
          type="date"
          className="w-40"
          value={from}
          max={to || undefined}
          aria-invalid={!!message}
          onChange={(e) => apply(e.target.value, to)}
        />
      </div>
      <div>
        <Label htmlFor="audit-to">To (UTC day, inclusive)</Label>
        <Input
          id="audit-to"
          type="date"
          className="w-40"
          value={to}
          min={from || undefined}
          aria-invalid={!!message}
          aria-describedby={message ? 'audit-range-error' : undefined}
          onChange={(e) => apply(from, e.target.value)}
        />
      </div>
      {message ? (
        <p id="audit-range-error" role="alert" className="pb-2 text-sm text-red-700">
          {message}
        </p>
      ) : null}
    </div>
  );
}
