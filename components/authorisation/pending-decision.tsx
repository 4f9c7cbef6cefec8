'use client';
import { Check, X } from 'lucide-react';
import { useRef } from 'react';
import { Button } from '@/components/ui/button';
import { Field, Textarea } from '@/components/ui/input';
import { DecisionSummary, type TDecisionSummary } from './decision-summary';
import { SubmitResult, useSubmit, type TAction } from './use-submit';

type Props = {
  decision: TDecisionSummary;
  patchId: string;
  version: number;
  contentHash: string;
  canDecide: boolean;
  isOwnRequest: boolean;
  isStale: boolean;
  approve: TAction<{ status: string }>;
  refuse: TAction<{ status: string }>;
};

/**
 * A pending request. Another security user approves or refuses it with a note; the requester only
 * sees that it awaits a second approver (the server refuses them too).
 */
export function PendingDecision({ decision, patchId, version, contentHash, canDecide, isOwnRequest, isStale, approve, refuse }: Props) {
  const a = useSubmit(approve);
  const r = useSubmit(refuse);
  const res = r.res ?? a.res;
  const form = useRef<HTMLFormElement>(null);
  const note = () => (form.current ? new FormData(form.current).get('note') : null);
  return (
    <div className="space-y-3" data-testid="pending-decision" data-decision-id={decision.id} data-tenant-id={decision.tenantId}>
      <DecisionSummary d={decision} />
      {isStale ? (
        <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-xs text-amber-900">
          The patch changed after this request was made (a vendor revision or another decision). It can only be refused; then request again.
        </p>
      ) : null}
      {canDecide ? (
        <form noValidate ref={form} aria-label="Approve or refuse" className="space-y-2" onSubmit={(e) => e.preventDefault()}>
          <Field label="Note (required to refuse)" htmlFor="p-note" error={r.err('note')}>
            <Textarea id="p-note" name="note" />
          </Field>
          <div className="flex flex-wrap items-center gap-2">
            {!isStale ? (
              <Button
                type="button"
                disabled={a.busy || r.busy}
                onClick={() => {
                  r.clear();
                  void a.submit({ patchId, decisionId: decision.id, expectedVersion: version, expectedContentHash: contentHash, note: note() });
                }}
              >
                <Check /> Approve
              </Button>
            ) : null}
            <Button
              type="button"
              variant="danger"
              disabled={a.busy || r.busy}
              onClick={() => {
                a.clear();
                void r.submit({ patchId, decisionId: decision.id, expectedVersion: version, expectedContentHash: contentHash, note: note() });
              }}
            >
              <X /> Refuse
            </Button>
            <SubmitResult res={res} success={(d) => (d.status === 'refused' ? 'Request refused.' : `Approved: the patch is now ${d.status}.`)} />
          </div>
        </form>
      ) : (
        <p className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700" data-testid="awaiting-approver">
          {isOwnRequest
            ? 'You requested this decision: it is awaiting a second approver (another security user).'
            : 'Awaiting a second approver (a security user other than the requester).'}
        </p>
      )}
    </div>
  );
}
