'use client';
import { Button } from '@/components/ui/button';
import { formatDateTime } from '@/components/ui/format';
import { Field, Select, Textarea } from '@/components/ui/input';
import { SubmitResult, useSubmit, type TAction } from './use-submit';

type TObjection = { tenantId: string; tenant: string; reason: string; byName: string | null; objectedAt: string };

/**
 * Objections to auto-approval, per tenant: while one stands, no rule authorises the patch there.
 * Security users add and withdraw them; everyone else reads them.
 */
export function Objections({
  patchId,
  objections,
  tenants,
  canObject,
  object,
  withdraw,
}: {
  patchId: string;
  objections: TObjection[];
  tenants: { id: string; name: string }[];
  canObject: boolean;
  object: TAction<unknown>;
  withdraw: TAction<unknown>;
}) {
  const add = useSubmit(object);
  const remove = useSubmit(withdraw);
  const open = tenants.filter((t) => !objections.some((o) => o.tenantId === t.id));
  return (
    <div className="space-y-3 text-sm">
      {objections.length === 0 ? (
        <p className="text-slate-500">No objection: auto-approval rules of your tenants may authorise this patch once it passed testing.</p>
      ) : null}
      <ul className="space-y-2">
        {objections.map((o) => (
          <li key={o.tenantId} className="rounded-md border border-amber-200 bg-amber-50 p-2" data-testid="objection">
            <p className="font-medium text-amber-900">{o.tenant}: objected</p>
            <p className="whitespace-pre-wrap text-amber-900">{o.reason}</p>
            <p className="text-xs text-amber-800">
              {o.byName ?? 'unknown'} · {formatDateTime(o.objectedAt)}
            </p>
            {canObject ? (
              <Button
                type="button"
                size="sm"
                variant="secondary"
                className="mt-1"
                disabled={remove.busy}
                onClick={() => void remove.submit({ patchId, tenantId: o.tenantId })}
              >
                Withdraw objection
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      <SubmitResult res={remove.res} success={() => 'Objection withdrawn.'} />
      {canObject && open.length ? (
        <form
          noValidate
          aria-label="Object to auto-approval"
          className="space-y-2"
          onSubmit={async (e) => {
            e.preventDefault();
            const fd = new FormData(e.currentTarget);
            await add.submit({ patchId, tenantId: fd.get('tenantId'), reason: fd.get('reason') });
          }}
        >
          <Field label="Tenant" htmlFor="ob-tenant" error={add.err('tenantId')}>
            <Select id="ob-tenant" name="tenantId" defaultValue={open[0].id}>
              {open.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Why must this patch not be approved automatically?" htmlFor="ob-reason" error={add.err('reason')}>
            <Textarea id="ob-reason" name="reason" />
          </Field>
          <div className="flex flex-wrap items-center gap-2">
            <Button type="submit" size="sm" variant="secondary" disabled={add.busy}>
              Object
            </Button>
            <SubmitResult res={add.res} success={() => 'Objection recorded: no rule will authorise it in that tenant.'} />
          </div>
        </form>
      ) : null}
    </div>
  );
}
