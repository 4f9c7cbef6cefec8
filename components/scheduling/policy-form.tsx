'use client';
import { ArrowDown, ArrowUp, X } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/input';
import { FormMessage } from '@/components/ui/page-header';
import { CADENCES, LIMIT_KINDS, TIME_MODES, type TPolicy } from '@/lib/domain/policy';
import type { TActionResult, TIssue } from '@/lib/errors';
import { ChangePolicyFields } from './change-policy-fields';
import { numberText, typedNumber } from './format';

type TAction = (input: Record<string, unknown>) => Promise<TActionResult<{ version: number; changed: boolean }>>;
const SEVERITIES = ['critical', 'high', 'medium', 'low', 'none'] as const;

type Props = { action: TAction; tenantId: string; version: number; policy: TPolicy; ringNames: string[] };

/** Edits a tenant's policy; saving sends the version it was opened at, so a concurrent edit is refused, not overwritten. */
export function PolicyForm({ action, tenantId, version, policy: initial, ringNames }: Props) {
  const router = useRouter();
  const [p, setP] = useState<TPolicy>(initial);
  const [busy, setBusy] = useState(false);
  const [res, setRes] = useState<TActionResult<{ version: number; changed: boolean }> | null>(null);
  const issues: TIssue[] = res && !res.ok ? (res.issues ?? []) : [];
  const err = (f: string) => issues.find((i) => i.field === `policy.${f}` || i.field?.startsWith(`policy.${f}.`))?.message;
  const update = (fn: (draft: TPolicy) => void) =>
    setP((old) => {
      const next = structuredClone(old);
      fn(next);
      return next;
    });
  const moveRing = (i: number, d: -1 | 1) =>
    update((x) => {
      const [r] = x.rings.splice(i, 1);
      x.rings.splice(i + d, 0, r);
    });
  const unused = ringNames.filter((n) => !p.rings.some((r) => r.ring === n));

  return (
    <form
      className="space-y-6"
      aria-label="Policy"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        const r = await action({ tenantId, expectedVersion: version, policy: p });
        setBusy(false);
        setRes(r);
        if (r.ok) router.refresh();
      }}
    >
      <section>
        <h3 className="mb-2 text-sm font-semibold text-slate-900">SLA by severity</h3>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-5">
          {SEVERITIES.map((s) => (
            <div key={s} className="rounded-md border border-slate-200 p-3">
              <p className="mb-2 text-xs font-semibold uppercase text-slate-600">{s}</p>
              <Field label="SLA (days)" htmlFor={`sla-${s}`} error={err(`severity.${s}.slaDays`)}>
                <Input
                  id={`sla-${s}`}
                  type="number"
                  value={numberText(p.severity[s].slaDays)}
                  onChange={(e) => update((x) => (x.severity[s].slaDays = typedNumber(e.target.value)))}
                  aria-invalid={!!err(`severity.${s}.slaDays`)}
                />
              </Field>
              <div className="mt-2">
                <Field label="Cadence" htmlFor={`cadence-${s}`}>
                  <Select
                    id={`cadence-${s}`}
                    value={p.severity[s].cadence}
                    onChange={(e) => update((x) => (x.severity[s].cadence = e.target.value as TPolicy['severity'][typeof s]['cadence']))}
                  >
                    {CADENCES.map((c) => (
                      <option key={c}>{c}</option>
                    ))}
                  </Select>
                </Field>
              </div>
            </div>
          ))}
        </div>
      </section>

      <section>
        <h3 className="mb-1 text-sm font-semibold text-slate-900">Ring order</h3>
        <p className="mb-2 text-xs text-slate-500">
          Rings deploy top to bottom. The next ring starts after the soak time, if this ring planned at least its gate&apos;s success %.
        </p>
        <table className="w-full text-left text-sm" aria-label="Ring order">
          <thead className="text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th className="py-1 pr-3 font-medium">Ring</th>
              <th className="py-1 pr-3 font-medium">Soak (hours)</th>
              <th className="py-1 pr-3 font-medium">Gate: min success %</th>
              <th className="py-1 pr-3 font-medium">Gate: no open incidents</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {p.rings.map((r, i) => (
              <tr key={r.ring} className="align-top">
                <td className="py-1 pr-3 font-mono">
                  {r.ring}
                  {err(`rings.${i}.ring`) ? <p className="text-xs text-red-600">{err(`rings.${i}.ring`)}</p> : null}
                </td>
                <td className="py-1 pr-3">
                  <Input
                    aria-label={`Soak hours of ${r.ring}`}
                    type="number"
                    value={numberText(r.soakHours)}
                    onChange={(e) => update((x) => (x.rings[i].soakHours = typedNumber(e.target.value)))}
                    aria-invalid={!!err(`rings.${i}.soakHours`)}
                  />
                  {err(`rings.${i}.soakHours`) ? <p className="text-xs text-red-600">{err(`rings.${i}.soakHours`)}</p> : null}
                </td>
                <td className="py-1 pr-3">
                  <Input
                    aria-label={`Minimum success % of ${r.ring}`}
                    type="number"
                    value={numberText(r.gate.minSuccessPct)}
                    onChange={(e) => update((x) => (x.rings[i].gate.minSuccessPct = typedNumber(e.target.value)))}
                  />
                  {err(`rings.${i}.gate`) ? <p className="text-xs text-red-600">{err(`rings.${i}.gate`)}</p> : null}
                </td>
                <td className="py-1 pr-3">
                  <input
                    type="checkbox"
                    aria-label={`No open incidents before promoting ${r.ring}`}
                    checked={r.gate.noOpenIncidents}
                    onChange={(e) => update((x) => (x.rings[i].gate.noOpenIncidents = e.target.checked))}
                  />
                </td>
                <td className="flex gap-1 py-1">
                  <Button type="button" variant="ghost" size="icon" aria-label={`Move ${r.ring} up`} disabled={i === 0} onClick={() => moveRing(i, -1)}>
                    <ArrowUp />
                  </Button>
                  <Button
                    type="button"
                    variant="ghost"
                    size="icon"
                    aria-label={`Move ${r.ring} down`}
                    disabled={i === p.rings.length - 1}
                    onClick={() => moveRing(i, 1)}
                  >
                    <ArrowDown />
                  </Button>
                  <Button
                    type="button"
                    variant="ghost"
                    size="icon"
                    aria-label={`Remove ${r.ring}`}
                    disabled={p.rings.length === 1}
                    onClick={() => update((x) => x.rings.splice(i, 1))}
                  >
                    <X />
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {err('rings') && !issues.some((i) => /^policy\.rings\.\d/.test(i.field ?? '')) ? <p className="text-xs text-red-600">{err('rings')}</p> : null}
        {unused.length ? (
          <div className="mt-2 flex flex-wrap items-center gap-2 text-xs text-amber-800">
            Not in the order (their assets cannot be scheduled):
            {unused.map((n) => (
              <Button
                key={n}
                type="button"
                variant="secondary"
                size="sm"
                onClick={() => update((x) => x.rings.push({ ring: n, soakHours: 24, gate: { minSuccessPct: 95, noOpenIncidents: true } }))}
              >
                Add {n}
              </Button>
            ))}
          </div>
        ) : null}
      </section>

      <section className="grid grid-cols-1 gap-3 sm:grid-cols-4">
        <h3 className="text-sm font-semibold text-slate-900 sm:col-span-4">Rate control and modes</h3>
        {(['maxConcurrency', 'errorThreshold'] as const).map((k) => (
          <div key={k} className="grid grid-cols-2 gap-2 sm:col-span-2">
            <Field label={k === 'maxConcurrency' ? 'Max concurrent jobs' : 'Halt wave after failures'} htmlFor={`${k}-value`} error={err(`rateControl.${k}`)}>
              <Input
                id={`${k}-value`}
                type="number"
                value={numberText(p.rateControl[k].value)}
                onChange={(e) => update((x) => (x.rateControl[k].value = typedNumber(e.target.value)))}
                aria-invalid={!!err(`rateControl.${k}`)}
              />
            </Field>
            <Field label="as" htmlFor={`${k}-kind`}>
              <Select
                id={`${k}-kind`}
                value={p.rateControl[k].kind}
                onChange={(e) => update((x) => (x.rateControl[k].kind = e.target.value as (typeof LIMIT_KINDS)[number]))}
              >
                {LIMIT_KINDS.map((l) => (
                  <option key={l} value={l}>
                    {l === 'count' ? 'a count' : k === 'maxConcurrency' ? '% of the ring' : '% of the wave'}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
        ))}
        <Field label="Default time mode" htmlFor="time-mode" hint="local: same wall-clock time per asset; absolute: one instant for a ring.">
          <Select id="time-mode" value={p.defaultTimeMode} onChange={(e) => update((x) => (x.defaultTimeMode = e.target.value as TPolicy['defaultTimeMode']))}>
            {TIME_MODES.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </Select>
        </Field>
        <Field label="Cluster: max hosts down (%)" htmlFor="cluster-pct" error={err('clusterMaxDownPct')} hint="Always at least one host.">
          <Input
            id="cluster-pct"
            type="number"
            value={numberText(p.clusterMaxDownPct)}
            onChange={(e) => update((x) => (x.clusterMaxDownPct = typedNumber(e.target.value)))}
            aria-invalid={!!err('clusterMaxDownPct')}
          />
        </Field>
      </section>

      <ChangePolicyFields value={p.changes} ringNames={ringNames} update={(fn) => update((x) => fn(x.changes))} err={(f) => err(`changes.${f}`)} />

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={busy}>
          {busy ? 'Saving…' : 'Save policy'}
        </Button>
        {res ? (
          <FormMessage tone={res.ok ? 'success' : 'error'}>
            {res.ok ? (res.data.changed ? `Policy saved (version ${res.data.version}).` : 'No changes to save.') : res.message}
          </FormMessage>
        ) : null}
        {res && !res.ok && res.code === 'CONFLICT' ? (
          <Button type="button" variant="secondary" size="sm" onClick={() => window.location.reload()}>
            Reload
          </Button>
        ) : null}
      </div>
    </form>
  );
}
