import { Badge } from '@/components/ui/badge';
import { STATUS_LABEL, type TPatchStatus } from '@/lib/domain/patch-lifecycle';

const TONE = { new: 'brand', in_testing: 'purple', authorised: 'green', deferred: 'amber', rejected: 'red', revoked: 'red' } as const;

/** A patch's lifecycle status; an ended deferral and a pending review are said in words, not colours only. */
export function PatchStatusBadge({
  status,
  stored,
  deferredUntil,
  needsReview,
}: {
  status: TPatchStatus;
  stored?: TPatchStatus;
  deferredUntil?: string | null;
  needsReview?: boolean;
}) {
  return (
    <span className="inline-flex flex-wrap items-center gap-1" data-testid="patch-status" data-status={status}>
      <Badge tone={TONE[status]}>{STATUS_LABEL[status]}</Badge>
      {status === 'deferred' && deferredUntil ? <span className="text-xs text-slate-500">until {deferredUntil}</span> : null}
      {stored === 'deferred' && status === 'new' && deferredUntil ? <Badge tone="amber">deferral ended {deferredUntil}</Badge> : null}
      {needsReview ? (
        <Badge tone="amber" title="The vendor revised the patch after it was authorised">
          needs review
        </Badge>
      ) : null}
    </span>
  );
}

const RUN_TONE = { open: 'neutral', passed: 'green', failed: 'red', blocked: 'amber' } as const;
export function RunStatusBadge({ status }: { status: keyof typeof RUN_TONE }) {
  return <Badge tone={RUN_TONE[status]}>{status}</Badge>;
}

const OUTCOME_TONE = { pending: 'neutral', passed: 'green', failed: 'red', blocked: 'amber' } as const;
export function OutcomeBadge({ outcome }: { outcome: string }) {
  return <Badge tone={OUTCOME_TONE[outcome as keyof typeof OUTCOME_TONE] ?? 'neutral'}>{outcome}</Badge>;
}
