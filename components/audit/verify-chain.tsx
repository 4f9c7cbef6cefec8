'use client';
import { ShieldCheck } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import type { TActionResult } from '@/lib/errors';

type TVerify = { ok: true; rows: number } | { ok: false; rows: number; firstBrokenSeq: number; reason: string };

export function VerifyChain({ action }: { action: (input: object) => Promise<TActionResult<TVerify>> }) {
  const [busy, setBusy] = useState(false);
  const [res, setRes] = useState<TActionResult<TVerify> | null>(null);
  return (
    <div className="flex items-center gap-3">
      {res ? (
        <span role="status" className={`text-sm ${res.ok && res.data.ok ? 'text-emerald-700' : 'text-red-700'}`}>
          {!res.ok ? res.message : res.data.ok ? `Chain intact: ${res.data.rows.toLocaleString('en-US')} entries verified` : `Broken at entry #${res.data.firstBrokenSeq}: ${res.data.reason}`}
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
