'use client';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, Input, Label, Select, Textarea } from '@/components/ui/input';
import type { TDecisionKind } from '@/lib/domain/patch-lifecycle';
import { SubmitResult, useSubmit, type TAction } from './use-submit';

const KIND_LABEL: Record<TDecisionKind, string> = { authorise: 'Authorise', defer: 'Defer until a date', reject: 'Reject', revoke: 'Revoke the authorisation' };

type Props = {
  action: TAction<{ decisionId: string }>;
  patchId: string;
  vendorId: string;
  /** The concurrency token the page loaded with. */
  version: number;
  contentHash: string;
  kinds: TDecisionKind[];
  tenants: { id: string; name: string }[];
  rings: string[];
  hasPassedRun: boolean;
  vendorIds: string[];
  tomorrow: string;
};

/** Asks for a decision; a second security user approves it (four eyes). Every field explains itself on refusal. */
export function RequestDecisionForm({ action, patchId, vendorId, version, contentHash, kinds, tenants, rings, hasPassedRun, vendorIds, tomorrow }: Props) {
  const { busy, res, submit, err } = useSubmit(action);
  const [kind, setKind] = useState<TDecisionKind>(kinds[0]);
  const [isEmergency, setEmergency] = useState(false);
  return (
    <form
      noValidate
      aria-label="Request a decision"
      className="space-y-3"
      onSubmit={async (e) => {
        e.preventDefault();
        const fd = new FormData(e.currentTarget);
        const list = (name: string) => fd.getAll(name).map(String);
        const deps = String(fd.get('dependencies') ?? '')
          .split(/[\s,]+/)
          .filter(Boolean);
        await submit({
          patchId,
          kind,
          justification: fd.get('justification'),
          impact: kind === 'authorise' ? { downtimeMinutes: fd.get('downtime'), rebootRequired: fd.get('reboot') === 'on', dependencies: deps, order: fd.get('order') } : undefined,
          scope: { tenantIds: list('tenant'), rings: list('ring') },
          deferredUntil: kind === 'defer' ? fd.get('deferredUntil') : undefined,
          isEmergency: kind === 'authorise' && isEmergency,
          emergencyReason: kind === 'authorise' && isEmergency ? fd.get('emergencyReason') : undefined,
          expectedVersion: version,
          expectedContentHash: contentHash,
        });
      }}
    >
      <Field label="Decision" htmlFor="d-kind" error={err('kind')}>
        <Select id="d-kind" value={kind} onChange={(e) => setKind(e.target.value as TDecisionKind)}>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {KIND_LABEL[k]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Justification" htmlFor="d-justification" error={err('justification')} hint="Why this decision: risk, test evidence, business impact.">
        <Textarea id="d-justification" name="justification" aria-invalid={!!err('justification')} />
      </Field>

      {kind === 'authorise' ? (
        <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
          <legend className="px-1 text-xs font-semibold text-slate-700">Impact assessment</legend>
          <div className="grid grid-cols-2 gap-3">
            <Field label="Expected downtime (minutes)" htmlFor="d-downtime" error={err('impact.downtimeMinutes')}>
              <Input id="d-downtime" name="downtime" inputMode="numeric" placeholder="0" aria-invalid={!!err('impact.downtimeMinutes')} />
            </Field>
            <Field label="Rollout order (optional)" htmlFor="d-order" error={err('impact.order')} hint="Position when several patches go in sequence.">
              <Input id="d-order" name="order" inputMode="numeric" />
            </Field>
          </div>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="reboot" /> Reboot required
          </label>
          <Field label="Depends on (vendor ids, in the order they must be applied first)" htmlFor="d-deps" error={err('impact.dependencies')}>
            <Input id="d-deps" name="dependencies" list="d-vendor-ids" placeholder="e.g. DSA-5678-1, DSA-5690-1" />
          </Field>
          <datalist id="d-vendor-ids">
            {vendorIds
              .filter((v) => v !== vendorId)
              .map((v) => (
                <option key={v} value={v} />
              ))}
          </datalist>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={isEmergency} onChange={(e) => setEmergency(e.target.checked)} /> Emergency (authorise without a passed test)
          </label>
          {isEmergency ? (
            <Field label="Emergency reason" htmlFor="d-emergency" error={err('emergencyReason')}>
              <Textarea id="d-emergency" name="emergencyReason" aria-invalid={!!err('emergencyReason')} />
            </Field>
          ) : !hasPassedRun ? (
            <p className="text-xs text-amber-800">No passed test run of this revision yet: authorising needs one (start a test run), or mark it an emergency.</p>
          ) : null}
          {err('isEmergency') ? <p className="text-xs text-red-600">{err('isEmergency')}</p> : null}
        </fieldset>
      ) : null}

      {kind === 'defer' ? (
        <Field label="Deferred until" htmlFor="d-until" error={err('deferredUntil')} hint="The patch returns to the testing queue on this date (UTC).">
          <Input id="d-until" name="deferredUntil" type="date" min={tomorrow} aria-invalid={!!err('deferredUntil')} />
        </Field>
      ) : null}

      <fieldset className="space-y-2">
        <legend className="text-xs font-medium text-slate-600">Scope: tenants</legend>
        <div className="flex flex-wrap gap-3">
          {tenants.map((t) => (
            <label key={t.id} className="flex items-center gap-1.5 text-sm">
              <input type="checkbox" name="tenant" value={t.id} defaultChecked /> {t.name}
            </label>
          ))}
        </div>
        {err('scope.tenantIds') ? <p className="text-xs text-red-600">{err('scope.tenantIds')}</p> : null}
        <Label className="mt-2">Rings (none ticked = every ring)</Label>
        <div className="flex flex-wrap gap-3">
          {rings.map((r) => (
            <label key={r} className="flex items-center gap-1.5 text-sm">
              <input type="checkbox" name="ring" value={r} /> {r}
            </label>
          ))}
        </div>
        {err('scope.rings') ? <p className="text-xs text-red-600">{err('scope.rings')}</p> : null}
      </fieldset>

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={busy}>
          {busy ? 'Sending…' : 'Request decision'}
        </Button>
        <SubmitResult res={res} success={() => 'Request recorded — awaiting a second approver.'} />
      </div>
    </form>
  );
}
