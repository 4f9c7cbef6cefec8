'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import type { TActionResult } from '@/lib/errors';

type TAction = (input: Record<string, unknown>) => Promise<TActionResult<unknown>>;

/** Enable/disable and delete buttons of one window; refusals are shown, never swallowed. */
export function WindowActions({
  windowId,
  name,
  isEnabled,
  setEnabled,
  remove,
  afterDeleteHref,
}: {
  windowId: string;
  name: string;
  isEnabled: boolean;
  setEnabled: TAction;
  remove: TAction;
  /** Where to go once the window is gone (its own page would be a 404). */
  afterDeleteHref?: string;
}) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const run = async (fn: () => Promise<TActionResult<unknown>>, next?: string) => {
    setBusy(true);
    const res = await fn();
    setBusy(false);
    if (!res.ok) window.alert(res.message);
    if (res.ok && next) router.push(next);
    else router.refresh();
  };
  return (
    <div className="flex items-center gap-1">
      <Button
        variant="secondary"
        size="sm"
        disabled={busy}
        aria-label={`${isEnabled ? 'Disable' : 'Enable'} ${name}`}
        onClick={() => run(() => setEnabled({ windowId, isEnabled: !isEnabled }))}
      >
        {isEnabled ? 'Disable' : 'Enable'}
      </Button>
      <Button
        variant="ghost"
        size="sm"
        disabled={busy}
        aria-label={`Delete ${name}`}
        onClick={() => {
          if (window.confirm(`Delete the window "${name}"? Plans will no longer use it.`)) void run(() => remove({ windowId }), afterDeleteHref);
        }}
      >
        Delete
      </Button>
    </div>
  );
}
