'use client';
import { X } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/input';
import type { TActionResult } from '@/lib/errors';
import { ActionForm } from './action-form';

type TAction = (input: Record<string, unknown>) => Promise<TActionResult<unknown>>;

export function NewTenantForm({ action }: { action: TAction }) {
  return (
    <ActionForm
      action={action}
      submit="Create tenant"
      success="Tenant created with rings test → dev → prod."
      toInput={(fd) => ({
        slug: fd.get('slug'),
        name: fd.get('name'),
        rings: String(fd.get('rings') || 'test, dev, prod')
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      })}
    >
      {(err) => (
        <>
          <Field label="Name" htmlFor="t-name" error={err('name')}>
            <Input id="t-name" name="name" placeholder="Umbrella Pharma" />
          </Field>
          <Field label="Slug" htmlFor="t-slug" error={err('slug')}>
            <Input id="t-slug" name="slug" placeholder="umbrella" />
          </Field>
          <div className="sm:col-span-2">
            <Field label="Rings, in deployment order" htmlFor="t-rings" error={err('rings')} hint="Comma separated; the first ring is patched first.">
              <Input id="t-rings" name="rings" defaultValue="test, dev, prod" />
            </Field>
          </div>
        </>
      )}
    </ActionForm>
  );
}

export function NewApplicationForm({
  action,
  tenantId,
  members,
  criticalities,
}: {
  action: TAction;
  tenantId: string;
  members: { userId: string; label: string }[];
  criticalities: readonly string[];
}) {
  return (
    <ActionForm
      action={action}
      submit="Add application"
      success="Application added."
      toInput={(fd) => ({ tenantId, name: fd.get('name'), slug: fd.get('slug'), ownerId: fd.get('ownerId') || null, criticality: fd.get('criticality') })}
    >
      {(err) => (
        <>
          <Field label="Name" htmlFor="a-name" error={err('name')}>
            <Input id="a-name" name="name" placeholder="Payments API" />
          </Field>
          <Field label="Slug" htmlFor="a-slug" error={err('slug')}>
            <Input id="a-slug" name="slug" placeholder="payments-api" />
          </Field>
          <Field label="Owner" htmlFor="a-owner" error={err('ownerId')}>
            <Select id="a-owner" name="ownerId" defaultValue="" empty="— none —" options={members.map((m) => ({ value: m.userId, label: m.label }))} />
          </Field>
          <Field label="Criticality" htmlFor="a-crit">
            <Select id="a-crit" name="criticality" defaultValue="tier2" options={criticalities} />
          </Field>
        </>
      )}
    </ActionForm>
  );
}

export function GrantRoleForm({ action, tenantId, roles }: { action: TAction; tenantId: string; roles: readonly string[] }) {
  return (
    <ActionForm
      action={action}
      submit="Grant role"
      success="Role granted."
      toInput={(fd) => ({ tenantId, email: fd.get('email'), name: fd.get('name'), role: fd.get('role'), password: fd.get('password') })}
    >
      {(err) => (
        <>
          <Field label="Email" htmlFor="g-email" error={err('email')}>
            <Input id="g-email" name="email" type="email" placeholder="jane@example.com" />
          </Field>
          <Field label="Role" htmlFor="g-role" error={err('role')}>
            <Select id="g-role" name="role" defaultValue="app_owner" options={roles} />
          </Field>
          <Field label="Name (new users)" htmlFor="g-name">
            <Input id="g-name" name="name" />
          </Field>
          <Field
            label="Initial password (new users)"
            htmlFor="g-password"
            error={err('password')}
            hint="At least 12 characters; leave empty for single sign-on users."
          >
            <Input id="g-password" name="password" type="password" autoComplete="new-password" />
          </Field>
        </>
      )}
    </ActionForm>
  );
}

export function RevokeButton({ action, tenantId, userId, role, label }: { action: TAction; tenantId: string; userId: string; role: string; label: string }) {
  const router = useRouter();
  return (
    <Button
      variant="ghost"
      size="icon"
      aria-label={`Revoke ${role} from ${label}`}
      onClick={async () => {
        const res = await action({ tenantId, userId, role });
        if (!res.ok) window.alert(res.message);
        router.refresh();
      }}
    >
      <X />
    </Button>
  );
}
