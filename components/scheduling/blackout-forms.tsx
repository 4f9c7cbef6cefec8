'use client';
import { useRouter } from 'next/navigation';
import { ActionForm } from '@/components/admin/action-form';
import { Button } from '@/components/ui/button';
import { Field, Input, Select } from '@/components/ui/input';
import type { TActionResult } from '@/lib/errors';

type TAction = (input: Record<string, unknown>) => Promise<TActionResult<unknown>>;

/** A new blackout: wall-clock start and end read in the chosen zone (the server converts them by the DST rule). */
export function BlackoutForm({ action, tenantId, zones, rings }: { action: TAction; tenantId: string; zones: string[]; rings: string[] }) {
  return (
    <ActionForm
      action={action}
      submit="Add blackout"
      success="Blackout added: no window opens during it."
      className="grid grid-cols-1 gap-3 sm:grid-cols-3"
      toInput={(fd) => ({
        tenantId,
        name: fd.get('name'),
        startsAt: fd.get('startsAt'),
        endsAt: fd.get('endsAt'),
        zone: fd.get('zone'),
        reason: fd.get('reason') || undefined,
        scope: fd.get('ring') ? { rings: [fd.get('ring')] } : {},
      })}
    >
      {(err) => (
        <>
          <Field label="Name" htmlFor="b-name" error={err('name')}>
            <Input id="b-name" name="name" placeholder="Year-end change freeze" />
          </Field>
          <Field label="Starts" htmlFor="b-start" error={err('startsAt')}>
            <Input id="b-start" name="startsAt" type="datetime-local" aria-invalid={!!err('startsAt')} />
          </Field>
          <Field label="Ends" htmlFor="b-end" error={err('endsAt')}>
            <Input id="b-end" name="endsAt" type="datetime-local" aria-invalid={!!err('endsAt')} />
          </Field>
          <Field label="Times are in" htmlFor="b-zone" error={err('zone')}>
            <Select id="b-zone" name="zone" defaultValue="UTC" options={[...new Set(['UTC', ...zones])]} />
          </Field>
          <Field label="Applies to" htmlFor="b-ring" error={err('scope.rings')}>
            <Select id="b-ring" name="ring" defaultValue="" empty="the whole tenant" options={rings.map((r) => ({ value: r, label: `ring ${r} only` }))} />
          </Field>
          <Field label="Reason" htmlFor="b-reason" error={err('reason')}>
            <Input id="b-reason" name="reason" placeholder="Peak season" />
          </Field>
        </>
      )}
    </ActionForm>
  );
}

export function DeleteBlackoutButton({ action, blackoutId, name }: { action: TAction; blackoutId: string; name: string }) {
  const router = useRouter();
  return (
    <Button
      variant="ghost"
      size="sm"
      aria-label={`Delete blackout ${name}`}
      onClick={async () => {
        if (!window.confirm(`Lift the blackout "${name}"?`)) return;
        const res = await action({ blackoutId });
        if (!res.ok) window.alert(res.message);
        router.refresh();
      }}
    >
      Delete
    </Button>
  );
}
