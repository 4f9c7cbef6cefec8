'use client';
import { useRouter } from 'next/navigation';
import { useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/page-header';
import type { TActionResult, TIssue } from '@/lib/errors';

/**
 * A small form bound to a server action: collects named fields, shows the action's message and
 * puts field errors next to their inputs through the render prop.
 */
export function ActionForm<R>({
  action,
  toInput,
  submit,
  success,
  children,
  className = 'grid grid-cols-1 gap-3 sm:grid-cols-2',
}: {
  action: (input: Record<string, unknown>) => Promise<TActionResult<R>>;
  toInput: (fd: FormData) => Record<string, unknown>;
  submit: string;
  success: string;
  children: (fieldError: (f: string) => string | undefined) => ReactNode;
  className?: string;
}) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [res, setRes] = useState<TActionResult<R> | null>(null);
  const issues: TIssue[] = res && !res.ok ? (res.issues ?? []) : [];
  return (
    <form
      className={className}
      onSubmit={async (e) => {
        e.preventDefault();
        const form = e.currentTarget;
        setBusy(true);
        const r = await action(toInput(new FormData(form)));
        setBusy(false);
        setRes(r);
        if (r.ok) {
          form.reset();
          router.refresh();
        }
      }}
    >
      {children((f) => issues.find((i) => i.field === f)?.message)}
      <div className="flex items-center gap-3 sm:col-span-2">
        <Button type="submit" size="sm" disabled={busy}>
          {submit}
        </Button>
        {res ? <FormMessage tone={res.ok ? 'success' : 'error'}>{res.ok ? success : res.message}</FormMessage> : null}
      </div>
    </form>
  );
}
