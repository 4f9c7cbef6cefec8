'use client';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, Input, Label, Select, Textarea } from '@/components/ui/input';
import type { TDecisionKind } from '@/lib/domain/patch-lifecycle';
import { TIME_MODES } from '@/lib/domain/policy';
import { SubmitResult, useSubmit, type TAction } from './use-submit';

const KIND_LABEL: Record<TDecisionKind, string> = { authorise: 'Authorise', defer: 'Defer until a date', reject: 'Reject', revoke: 'Revoke the authorisation' };

/** A tenant the actor may authorise in, with its own status version, test evidence and legal decisions. */
export type TRequestTenant = { id: string; name: string; version: number; hasPassedRun: boolean; kinds: TDecisionKind[]; status: string };

type Props = {
  action: TAction<{ decisionId: string }>;
  patchId: string;
  vendorId: string;
  contentHash: string;
  kinds: TDecisionKind[];
  tenants: TRequestTenant[];
  rings: string[];
  vendorIds: string[];
  tomorrow: string;
};

/**
 * Asks for a decision for one or several tenants; a second security user approves each (four eyes).
 * No tenant starts ticked: each tenant is chosen on purpose, and needs its own passed test run or its
 * own emergency reason. Every field explains itself on refusal.
 */
export function RequestDecisionForm({ action, patchId, vendorId, contentHash, kinds, tenants, rings, vendorIds, tomorrow }: Props) {
  const { busy, res, submit, err } = useSubmit(action);
  const [kind, setKind] = useState<TDecisionKind>(kinds[0]);
  const [isEmergency, setEmergency] = useState(false);
  const [ticked, setTicked] = useState<string[]>([]);
  const chosen = tenants.filter((t) => ticked.includes(t.id) && t.kinds.includes(kind));
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
          impact:
            kind === 'authorise'
              ? { downtimeMinutes: fd.get('downtime'), rebootRequired: fd.get('reboot') === 'on', dependencies: deps, order: fd.get('order') }
              : undefined,
          scope: { tenantIds: chosen.map((t) => t.id), rings: list('ring') },
          deferredUntil: kind === 'defer' ? fd.get('deferredUntil') : undefined,
          isEmergency: kind === 'authorise' && isEmergency,
          timeMode: kind === 'authorise' ? fd.get('timeMode') : undefined,
          emergencyReasons:
            kind === 'authorise' && isEmergency ? Object.fromEntries(chosen.map((t) => [t.id, String(fd.get(`emergencyReason-${t.id}`) ?? '')])) : {},
          expectedVersions: Object.fromEntries(chosen.map((t) => [t.id, t.version])),
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
          <Field
            label="Time mode"
            htmlFor="d-time-mode"
            error={err('timeMode')}
            hint="Local: the same wall-clock time on every asset. Absolute: one instant per ring, so no mixed versions."
          >
            <Select id="d-time-mode" name="timeMode" defaultValue="" empty="Tenant policy default" options={TIME_MODES} aria-invalid={!!err('timeMode')} />
          </Field>
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
            chosen.length === 0 ? (
              <p className="text-xs text-slate-600">Tick the tenants below: each needs its own emergency reason.</p>
            ) : (
              chosen.map((t) => (
                <Field key={t.id} label={`Emergency reason for ${t.name}`} htmlFor={`d-emergency-${t.id}`} error={err(`emergencyReasons.${t.id}`)}>
                  <Textarea id={`d-emergency-${t.id}`} name={`emergencyReason-${t.id}`} aria-invalid={!!err(`emergencyReasons.${t.id}`)} />
                </Field>
              ))
            )
          ) : chosen.some((t) => !t.hasPassedRun) ? (
            <p className="text-xs text-amber-800">
              No passed test run of this revision in{' '}
              {chosen
                .filter((t) => !t.hasPassedRun)
                .map((t) => t.name)
                .join(', ')}
              : authorising there needs one (start a test run in that tenant), or mark it an emergency.
            </p>
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
        <legend className="text-xs font-medium text-slate-600">Scope: tenants (each decides for itself)</legend>
        <div className="space-y-1">
          {tenants.map((t) => {
            const isAllowed = t.kinds.includes(kind);
            return (
              <label key={t.id} className={`flex items-center gap-1.5 text-sm ${isAllowed ? '' : 'text-slate-400'}`}>
                <input
                  type="checkbox"
                  name="tenant"
                  value={t.id}
                  disabled={!isAllowed}
                  checked={isAllowed && ticked.includes(t.id)}
                  onChange={(e) => setTicked((cur) => (e.target.checked ? [...cur, t.id] : cur.filter((x) => x !== t.id)))}
                />
                {t.name}
                <span className="text-xs text-slate-500">
                  · {t.status}
                  {kind === 'authorise' ? (t.hasPassedRun ? ' · passed test' : ' · no passed test') : ''}
                  {isAllowed ? '' : ` · cannot ${kind} from here`}
                </span>
              </label>
            );
          })}
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
