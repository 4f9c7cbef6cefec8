'use client';
import { ShieldCheck } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import type { TScopedVerifyResult as TVerify } from '@/lib/audit/verify-audit';
import type { TActionResult } from '@/lib/errors';

/** What was checked, in the reader's own terms: their tenants' entries and platform entries, never a global count. */
function describe(v: TVerify): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const checked = `${n(v.tenantRows)} entries of your tenant(s) and ${n(v.platformRows)} platform entries checked`;
  if (v.ok) return `Chain intact: ${checked}.`;
  if (v.broken?.seq == null) return `Chain broken elsewhere (${v.broken?.reason ?? 'outside your tenants'}). ${checked} before the break.`;
  return `Chain broken at entry #${v.broken.seq}: ${v.broken.reason}. ${checked} before it.`;
}

export function VerifyChain({ action }: { action: (input: object) => Promise<TActionResult<TVerify>> }) {
  const [busy, setBusy] = useState(false);
  const [res, setRes] = useState<TActionResult<TVerify> | null>(null);
  return (
    <div className="flex items-center gap-3">
      {res ? (
        <span role="status" className={`text-sm ${res.ok && res.data.ok ? 'text-emerald-700' : 'text-red-700'}`}>
          {res.ok ? describe(res.data) : res.message}
        </span>
      ) : null}
      <Button
        variant="secondary"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setRes(await action({}));
          setBusy(false);
        }}
      >
        <ShieldCheck /> {busy ? 'Verifying…' : 'Verify chain'}
      </Button>
    </div>
  );
}
