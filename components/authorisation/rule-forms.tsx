'use client';
import { ActionForm } from '@/components/admin/action-form';
import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/input';
import { AUTO_APPROVAL_SEVERITIES } from '@/lib/domain/patch-lifecycle';
import { useSubmit, type TAction } from './use-submit';

/** A new auto-approval rule for one tenant (admins). */
export function CreateRuleForm({ action, tenants }: { action: TAction<unknown>; tenants: { id: string; name: string }[] }) {
  return (
    <ActionForm
      action={action}
      submit="Add rule"
      success="Rule added. The hourly job applies it from now on."
      className="grid grid-cols-1 gap-3 sm:grid-cols-4"
      toInput={(fd) => ({
        tenantId: fd.get('tenantId'),
        name: fd.get('name'),
        minSeverity: fd.get('minSeverity'),
        afterDays: fd.get('afterDays'),
        requirePassedTest: fd.get('requirePassedTest') === 'on',
      })}
    >
      {(err) => (
        <>
          <Field label="Tenant" htmlFor="r-tenant" error={err('tenantId')}>
            <Select id="r-tenant" name="tenantId">
              {tenants.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Name" htmlFor="r-name" error={err('name')}>
            <Input id="r-name" name="name" placeholder="High and critical after 3 days" aria-invalid={!!err('name')} />
          </Field>
          <Field label="Severity at or above" htmlFor="r-severity" error={err('minSeverity')}>
            <Select id="r-severity" name="minSeverity" defaultValue="high">
              {AUTO_APPROVAL_SEVERITIES.map((s) => (
                <option key={s}>{s}</option>
              ))}
            </Select>
          </Field>
          <Field label="Days after the passed test" htmlFor="r-days" error={err('afterDays')}>
            <Input id="r-days" name="afterDays" inputMode="numeric" placeholder="3" aria-invalid={!!err('afterDays')} />
          </Field>
          <label className="flex items-center gap-2 text-sm sm:col-span-4">
            <input type="checkbox" name="requirePassedTest" defaultChecked /> Require a passed test run (untick: count the days from publication instead)
          </label>
        </>
      )}
    </ActionForm>
  );
}

export function RuleToggle({ action, ruleId, name, isEnabled }: { action: TAction<unknown>; ruleId: string; name: string; isEnabled: boolean }) {
  const { busy, res, submit } = useSubmit(action);
  return (
    <span className="flex items-center gap-2">
      <Button
        variant="secondary"
        size="sm"
        disabled={busy}
        aria-label={`${isEnabled ? 'Disable' : 'Enable'} ${name}`}
        onClick={() => void submit({ ruleId, isEnabled: !isEnabled })}
      >
        {isEnabled ? 'Disable' : 'Enable'}
      </Button>
      {res && !res.ok ? <span className="text-xs text-red-600">{res.message}</span> : null}
    </span>
  );
}
