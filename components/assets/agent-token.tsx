'use client';
import { KeyRound } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/page-header';
import type { TActionResult } from '@/lib/errors';

type Props = { assetId: string; action: (input: { assetId: string }) => Promise<TActionResult<{ agentId: string; token: string }>> };

/** Issues an agent token; it is displayed once and never again (only its hash is stored). */
export function AgentTokenButton({ assetId, action }: Props) {
  const router = useRouter();
  const [res, setRes] = useState<TActionResult<{ agentId: string; token: string }> | null>(null);
  return (
    <div className="space-y-2">
      <Button
        variant="secondary"
        size="sm"
        onClick={async () => {
          const r = await action({ assetId });
          setRes(r);
          if (r.ok) router.refresh();
        }}
      >
        <KeyRound /> New agent token
      </Button>
      {res?.ok ? (
        <div className="rounded-md border border-amber-200 bg-amber-50 p-3 text-xs text-amber-900">
          <p className="mb-1 font-medium">Copy this token now: it will not be shown again.</p>
          <code data-testid="agent-token" className="block break-all rounded bg-white p-2 font-mono">
            {res.data.token}
          </code>
          <p className="mt-2">
            Report with <code>POST /api/v1/agents/report</code> and <code>Authorization: Bearer &lt;token&gt;</code>.
          </p>
        </div>
      ) : res ? (
        <FormMessage tone="error">{res.message}</FormMessage>
      ) : null}
    </div>
  );
}
