'use client';
import { Copy, KeyRound, Link2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { formatDateTime } from '@/components/ui/format';
import { FormMessage } from '@/components/ui/page-header';
import type { TActionResult } from '@/lib/errors';

export type TCalendarTokenView = { id: string; prefix: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null };

/**
 * Personal subscribe links for calendar apps: the token is shown once, then only its prefix; a link
 * that leaked is revoked here and stops at once.
 */
export function SubscribePanel({
  tokens,
  create,
  revoke,
}: {
  tokens: TCalendarTokenView[];
  create: (input: Record<string, never>) => Promise<TActionResult<{ id: string; prefix: string; token: string }>>;
  revoke: (input: { tokenId: string }) => Promise<TActionResult<{ id: string }>>;
}) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        Add your changes to Outlook, Google or Apple Calendar: create a personal link and subscribe to it. It shows the changes of every tenant you can read
        now; anyone with the link sees them too, so keep it private and revoke it when a device is gone.
      </p>
      <Button
        type="button"
        variant="secondary"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          const r = await create({});
          setBusy(false);
          if (r.ok) {
            setUrl(`${window.location.origin}/api/v1/changes/calendar/${r.data.token}.ics`);
            setCopied(false);
            setError(null);
            router.refresh();
          } else setError(r.message);
        }}
      >
        <Link2 /> Create subscribe link
      </Button>
      {error ? <FormMessage tone="error">{error}</FormMessage> : null}
      {url ? (
        <div className="space-y-2 rounded-md border border-emerald-200 bg-emerald-50 p-3" data-testid="subscribe-url">
          <p className="text-xs font-medium text-emerald-900">Your subscribe link — shown only now. Copy it into your calendar app.</p>
          <div className="flex items-center gap-2">
            <code className="block min-w-0 flex-1 truncate rounded bg-white px-2 py-1 text-xs ring-1 ring-emerald-200" title={url}>
              {url}
            </code>
            <Button
              type="button"
              size="sm"
              variant="secondary"
              onClick={async () => {
                await navigator.clipboard?.writeText(url).catch(() => undefined);
                setCopied(true);
              }}
            >
              <Copy /> {copied ? 'Copied' : 'Copy'}
            </Button>
          </div>
        </div>
      ) : null}
      {tokens.length ? (
        <ul className="divide-y divide-slate-100 text-sm" aria-label="Calendar links">
          {tokens.map((t) => (
            <li key={t.id} className="flex items-center justify-between gap-2 py-2" data-testid="calendar-token" data-revoked={t.revokedAt ? 'yes' : 'no'}>
              <div className="min-w-0">
                <div className="flex items-center gap-2 font-mono text-xs">
                  <KeyRound className="size-3.5 text-slate-400" /> {t.prefix}…
                </div>
                <div className="text-xs text-slate-500">
                  created {formatDateTime(t.createdAt).slice(0, 10)} ·{' '}
                  {t.revokedAt
                    ? `revoked ${formatDateTime(t.revokedAt).slice(0, 10)}`
                    : t.lastUsedAt
                      ? `last used ${formatDateTime(t.lastUsedAt)}`
                      : 'never used'}
                </div>
              </div>
              {t.revokedAt ? null : (
                <Button
                  type="button"
                  size="sm"
                  variant="ghost"
                  disabled={busy}
                  onClick={async () => {
                    setBusy(true);
                    const r = await revoke({ tokenId: t.id });
                    setBusy(false);
                    setError(r.ok ? null : r.message);
                    if (r.ok) router.refresh();
                  }}
                >
                  Revoke
                </Button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
