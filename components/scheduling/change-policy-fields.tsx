'use client';
import { Plus, X } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/input';
import type { TChangePolicy } from '@/lib/domain/policy';
import { SEVERITIES, type TSeverity } from '@/lib/domain/types';
import { numberText, typedNumber } from './format';

type Props = {
  value: TChangePolicy;
  /** The tenant's rings, in rollout order: what a standard rule may name. */
  ringNames: string[];
  update: (fn: (changes: TChangePolicy) => void) => void;
  /** The message of an issue at `policy.changes.<field>` (or below it). */
  err: (field: string) => string | undefined;
};

const GROUPINGS = [
  { value: 'ring_window', label: 'Per ring and window', hint: 'one change per ring × maintenance window' },
  { value: 'application', label: 'Per application', hint: 'one change per application' },
] as const;

const NEW_RULE = { name: '', maxSeverity: 'low' as TSeverity, rings: [] as string[], includeKev: false };

/**
 * The change management part of the policy: how authorised patches are grouped into changes, who
 * approves a normal change, the emergency deadline, and the standard rules the tenant pre-approved.
 * A rule may still name a ring the tenant no longer has (a stored policy): it stays visible, marked,
 * so the admin can untick it instead of it vanishing from the list unseen.
 */
export function ChangePolicyFields({ value, ringNames, update, err }: Props) {
  return (
    <section aria-labelledby="change-policy-heading" className="space-y-4">
      <div>
        <h3 id="change-policy-heading" className="text-sm font-semibold text-slate-900">
          Change management
        </h3>
        <p className="text-xs text-slate-500">How authorised patches become change requests, who approves them, and what the tenant pre-approved.</p>
      </div>

      <div className="grid grid-cols-1 gap-4 sm:grid-cols-4">
        <fieldset className="sm:col-span-2">
          <legend className="mb-1 text-xs font-medium text-slate-600">Grouping</legend>
          <div className="space-y-1">
            {GROUPINGS.map((g) => (
              <label key={g.value} className="flex items-baseline gap-2 text-sm">
                <input
                  type="radio"
                  name="change-grouping"
                  value={g.value}
                  checked={value.grouping === g.value}
                  onChange={() => update((c) => (c.grouping = g.value))}
                />
                <span>
                  {g.label} <span className="text-xs text-slate-500">({g.hint})</span>
                </span>
              </label>
            ))}
          </div>
          {err('grouping') ? <p className="mt-1 text-xs text-red-600">{err('grouping')}</p> : null}
        </fieldset>
        <Field label="CAB quorum" htmlFor="cab-quorum" error={err('cabQuorum')} hint="CAB or security approvals a normal change needs; 0 = none.">
          <Input
            id="cab-quorum"
            type="number"
            value={numberText(value.cabQuorum)}
            onChange={(e) => update((c) => (c.cabQuorum = typedNumber(e.target.value)))}
            aria-invalid={!!err('cabQuorum')}
          />
        </Field>
        <Field
          label="Emergency approval deadline (hours)"
          htmlFor="emergency-hours"
          error={err('emergencyApprovalHours')}
          hint="An expedited change is approved after the fact within this time."
        >
          <Input
            id="emergency-hours"
            type="number"
            value={numberText(value.emergencyApprovalHours)}
            onChange={(e) => update((c) => (c.emergencyApprovalHours = typedNumber(e.target.value)))}
            aria-invalid={!!err('emergencyApprovalHours')}
          />
        </Field>
        <label className="flex items-center gap-2 text-sm sm:col-span-4">
          <input type="checkbox" checked={value.ownerApproval} onChange={(e) => update((c) => (c.ownerApproval = e.target.checked))} />
          Owners of the affected applications approve normal changes
        </label>
      </div>

      <div>
        <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-600">Standard (pre-approved) rules</h4>
        <p className="mb-2 text-xs text-slate-500">
          A change whose patches all fall under a rule goes straight to scheduled, recorded as standard. No ring ticked = every ring.
        </p>
        {value.standardRules.length === 0 ? (
          <p className="mb-2 text-sm text-slate-600" data-testid="no-standard-rules">
            No standard rule: every change needs approval.
          </p>
        ) : (
          <table className="w-full text-left text-sm" aria-label="Standard rules">
            <thead className="text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th className="py-1 pr-3 font-medium">Name</th>
                <th className="py-1 pr-3 font-medium">Up to severity</th>
                <th className="py-1 pr-3 font-medium">Rings</th>
                <th className="py-1 pr-3 font-medium">Include KEV</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {value.standardRules.map((rule, i) => {
                const at = `standardRules.${i}`;
                const unknown = rule.rings.filter((r) => !ringNames.includes(r));
                return (
                  // Rules have no id; every input is controlled, so the position is a safe key.
                  <tr key={i} className="align-top" data-testid="standard-rule">
                    <td className="w-2/5 py-1 pr-3">
                      <Input
                        aria-label={`Name of standard rule ${i + 1}`}
                        value={rule.name}
                        maxLength={200}
                        onChange={(e) => update((c) => (c.standardRules[i].name = e.target.value))}
                        aria-invalid={!!err(`${at}.name`)}
                      />
                      {err(`${at}.name`) ? <p className="mt-1 text-xs text-red-600">{err(`${at}.name`)}</p> : null}
                    </td>
                    <td className="py-1 pr-3">
                      <Select
                        aria-label={`Maximum severity of standard rule ${i + 1}`}
                        value={rule.maxSeverity}
                        onChange={(e) => update((c) => (c.standardRules[i].maxSeverity = e.target.value as TSeverity))}
                        options={SEVERITIES}
                      />
                      {err(`${at}.maxSeverity`) ? <p className="mt-1 text-xs text-red-600">{err(`${at}.maxSeverity`)}</p> : null}
                    </td>
                    <td className="py-1 pr-3">
                      <fieldset className="flex flex-wrap gap-x-3 gap-y-1 pt-2" aria-label={`Rings of standard rule ${i + 1}`}>
                        {[...ringNames, ...unknown].map((ring) => (
                          <label key={ring} className={`flex items-center gap-1 ${ringNames.includes(ring) ? '' : 'text-red-700 line-through'}`}>
                            <input
                              type="checkbox"
                              aria-label={`Standard rule ${i + 1} covers ${ring}`}
                              checked={rule.rings.includes(ring)}
                              onChange={(e) =>
                                update((c) => {
                                  const r = c.standardRules[i];
                                  // Kept in the tenant's ring order, whatever order they were ticked in.
                                  r.rings = e.target.checked ? ringNames.filter((n) => n === ring || r.rings.includes(n)) : r.rings.filter((n) => n !== ring);
                                })
                              }
                            />
                            <span className="font-mono text-xs">{ring}</span>
                          </label>
                        ))}
                      </fieldset>
                      {err(`${at}.rings`) ? (
                        <p className="mt-1 text-xs text-red-600">{err(`${at}.rings`)}</p>
                      ) : unknown.length ? (
                        <p className="mt-1 text-xs text-amber-800">Not a ring of this tenant: untick it.</p>
                      ) : rule.rings.length === 0 ? (
                        <p className="mt-1 text-xs text-slate-500">every ring</p>
                      ) : null}
                    </td>
                    <td className="py-1 pr-3 pt-3">
                      <input
                        type="checkbox"
                        aria-label={`Standard rule ${i + 1} includes KEV patches`}
                        checked={rule.includeKev}
                        onChange={(e) => update((c) => (c.standardRules[i].includeKev = e.target.checked))}
                      />
                    </td>
                    <td className="py-1">
                      <Button
                        type="button"
                        variant="ghost"
                        size="icon"
                        aria-label={`Remove standard rule ${i + 1}`}
                        onClick={() => update((c) => c.standardRules.splice(i, 1))}
                      >
                        <X />
                      </Button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        <Button type="button" variant="secondary" size="sm" className="mt-2" onClick={() => update((c) => c.standardRules.push({ ...NEW_RULE, rings: [] }))}>
          <Plus /> Add standard rule
        </Button>
      </div>
    </section>
  );
}
