'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/page-header';
import type { TActionResult } from '@/lib/errors';

export type TAction<R> = (input: Record<string, unknown>) => Promise<TActionResult<R>>;

/** Runs a server action from a form: busy state, the result, field errors by name; refreshes on success. */
export function useSubmit<R>(action: TAction<R>) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [res, setRes] = useState<TActionResult<R> | null>(null);
  const submit = async (input: Record<string, unknown>) => {
    setBusy(true);
    const r = await action(input);
    setBusy(false);
    setRes(r);
    if (r.ok) router.refresh();
    return r;
  };
  const err = (field: string) => (res && !res.ok ? res.issues?.find((i) => i.field === field || i.field?.startsWith(`${field}.`))?.message : undefined);
  return { busy, res, submit, err, clear: () => setRes(null) };
}

/** The action's message; a CONFLICT (the patch changed) offers a reload, since the page is stale. */
export function SubmitResult<R>({ res, success }: { res: TActionResult<R> | null; success: (data: R) => string }) {
  if (!res) return null;
  return (
    <span className="flex flex-wrap items-center gap-2">
      <FormMessage tone={res.ok ? 'success' : 'error'}>{res.ok ? success(res.data) : res.message}</FormMessage>
      {!res.ok && res.code === 'CONFLICT' ? (
        <Button type="button" variant="secondary" size="sm" onClick={() => window.location.reload()}>
          Reload
        </Button>
      ) : null}
    </span>
  );
}
