import { Field, Select } from '@/components/ui/input';

export type TScopeOption = { value: string; label: string };

/**
 * Where advisories land: one of the user's tenants (private: applies and notifies there only) or
 * "Global (all tenants)", offered to platform users only. Nothing is preselected: the choice is required.
 */
export function ScopeSelect({ id, label = 'Scope', options, error }: { id: string; label?: string; options: TScopeOption[]; error?: string }) {
  return (
    <Field label={label} htmlFor={id} error={error} hint="A tenant's advisories apply and notify in that tenant only; global ones in every tenant.">
      <Select id={id} name="scope" required defaultValue="" options={options} empty="Choose a tenant…" aria-invalid={error ? true : undefined} />
    </Field>
  );
}
