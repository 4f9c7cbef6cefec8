import Link from 'next/link';
import { BlackoutForm, DeleteBlackoutButton } from '@/components/scheduling/blackout-forms';
import { describeDuration, describeRecurrence, describeScope, describeZone } from '@/components/scheduling/format';
import { OccurrenceList } from '@/components/scheduling/occurrence-list';
import { SchedulingLinks } from '@/components/scheduling/scheduling-links';
import { TenantTabs } from '@/components/scheduling/tenant-tabs';
import { WindowActions } from '@/components/scheduling/window-actions';
import { WindowForm } from '@/components/scheduling/window-form';
import { Badge } from '@/components/ui/badge';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { formatDateTime } from '@/components/ui/format';
import { forbidden } from 'next/navigation';
import { EmptyState, PageHeader } from '@/components/ui/page-header';
import { SimpleTable } from '@/components/ui/simple-table';
import { getDb } from '@/lib/runtime/db';
import { can } from '@/lib/auth/permissions';
import { getActor } from '@/lib/auth/session';
import { wallTime } from '@/lib/scheduling/plan-view';
import { findBlackouts, findSchedulingTenants, findWindows, pickTenant, scheduleFormOptions } from '@/lib/scheduling/queries';
import { previewWindow } from '@/lib/scheduling/window-preview';
import { createBlackoutAction, createWindowAction, deleteBlackoutAction, deleteWindowAction, setWindowEnabledAction } from './actions';

export const metadata = { title: 'Maintenance windows' };

const DESCRIPTION = "When patches may be deployed: recurring windows on a fixed zone or on each asset's own clock, and blackouts that override them.";

export default async function WindowsPage({ searchParams }: { searchParams: Promise<{ tenant?: string }> }) {
  const actor = (await getActor())!;
  if (!can(actor, 'schedule:read')) forbidden();
  const db = await getDb();
  const tenants = await findSchedulingTenants(db, actor);
  const tenant = pickTenant(tenants, (await searchParams).tenant);
  if (!tenant) {
    return (
      <>
        <PageHeader title="Maintenance windows" description={DESCRIPTION} />
        <Card>
          <EmptyState title="No tenant to show">Ask an administrator to grant you a role in a tenant.</EmptyState>
        </Card>
      </>
    );
  }
  const [windows, blackouts, options] = await Promise.all([
    findWindows(db, actor, tenant.id),
    findBlackouts(db, actor, tenant.id),
    scheduleFormOptions(db, actor, tenant.id),
  ]);
  const canWrite = can(actor, 'window:write', tenant.id);
  const now = new Date().toISOString();
  const sampleZones = options.zones.map((z) => z.zone);
  const appName = (id: string) => options.applications.find((a) => a.id === id)?.name ?? 'unknown application';
  const mainZone = sampleZones[0] ?? 'UTC';

  return (
    <>
      <PageHeader
        title="Maintenance windows"
        description={DESCRIPTION}
        actions={
          <SchedulingLinks
            ics={{ href: `/api/v1/windows.ics?tenant=${tenant.id}`, label: 'Export calendar (.ics)' }}
            sibling={{ href: `/schedule?tenant=${tenant.slug}`, label: 'Schedule preview' }}
            policyHref={can(actor, 'policy:write', tenant.id) ? `/settings?tenant=${tenant.slug}` : null}
          />
        }
      />
      <TenantTabs tenants={tenants} currentId={tenant.id} basePath="/windows" />
      <Card>
        <CardHeader
          title={`Windows of ${tenant.name}`}
          description={`${windows.length} window(s), ${windows.filter((w) => w.isEnabled).length} enabled. Openings are shown on the window's clock and in UTC; local windows in the tenant's most common zones.`}
        />
        {windows.length === 0 ? (
          <EmptyState title="No maintenance windows yet">
            {canWrite
              ? 'Create one below: without a window, the planner cannot schedule any deployment.'
              : 'An operator or admin can create one; until then nothing can be scheduled.'}
          </EmptyState>
        ) : (
          <SimpleTable
            label="Maintenance windows"
            head={['Window', 'Opens', 'Applies to', 'Next openings', 'Status', ...(canWrite ? [''] : [])]}
            rows={windows.map((w) => [
              <div key="n" className="min-w-40">
                <Link href={`/windows/${w.id}`} className="font-medium text-brand-700 hover:underline">
                  {w.name}
                </Link>
                <div className="text-xs text-slate-500">{describeRecurrence(w.def.recurrence)}</div>
              </div>,
              <div key="o" className="text-xs">
                {w.def.start} for {describeDuration(w.def.durationMinutes)}
                <div className="text-slate-500">{describeZone(w.def)}</div>
              </div>,
              <span key="s" className="text-xs">
                {describeScope(w.def.scope, appName)}
              </span>,
              <OccurrenceList key="p" previews={previewWindow(w.def, { now, count: 2, sampleZones: sampleZones.slice(0, 2), blackouts })} />,
              <Badge key="e" tone={w.isEnabled ? 'green' : 'neutral'}>
                {w.isEnabled ? 'enabled' : 'disabled'}
              </Badge>,
              ...(canWrite
                ? [
                    <WindowActions
                      key="a"
                      windowId={w.id}
                      name={w.name}
                      isEnabled={w.isEnabled}
                      setEnabled={setWindowEnabledAction}
                      remove={deleteWindowAction}
                    />,
                  ]
                : []),
            ])}
          />
        )}
      </Card>
      {canWrite ? (
        <Card className="mt-6">
          <CardHeader
            title="New window"
            description="Checked when you save: a window must open at least once in the next 400 days and last 1 minute to 24 hours."
          />
          <CardBody>
            <WindowForm
              action={createWindowAction}
              target={{ tenantId: tenant.id }}
              now={now}
              rings={options.rings}
              applications={options.applications}
              zones={sampleZones}
            />
          </CardBody>
        </Card>
      ) : null}
      <Card className="mt-6">
        <CardHeader title="Blackouts" description={`Nothing is deployed during a blackout, whatever the windows say. Times in UTC and in ${mainZone}.`} />
        {blackouts.length === 0 ? (
          <EmptyState title="No blackouts">{canWrite ? 'Add one below for change freezes such as the year end.' : 'None planned.'}</EmptyState>
        ) : (
          <SimpleTable
            label="Blackouts"
            head={['Name', 'Starts', 'Ends', 'Applies to', 'Reason', ...(canWrite ? [''] : [])]}
            rows={blackouts.map((b) => [
              <span key="n" className="font-medium">
                {b.name}
              </span>,
              <span key="s" className="text-xs">
                {formatDateTime(b.startsAt)}
                <br />
                <span className="text-slate-500">
                  {wallTime(b.startsAt, mainZone)} {mainZone}
                </span>
              </span>,
              <span key="e" className="text-xs">
                {formatDateTime(b.endsAt)}
                <br />
                <span className="text-slate-500">
                  {wallTime(b.endsAt, mainZone)} {mainZone}
                </span>
              </span>,
              <span key="sc" className="text-xs">
                {describeScope(b.scope, appName)}
              </span>,
              <span key="r" className="text-xs text-slate-600">
                {b.reason ?? '—'}
              </span>,
              ...(canWrite ? [<DeleteBlackoutButton key="d" action={deleteBlackoutAction} blackoutId={b.id} name={b.name} />] : []),
            ])}
          />
        )}
        {canWrite ? (
          <CardBody className="border-t border-slate-100">
            <BlackoutForm action={createBlackoutAction} tenantId={tenant.id} zones={sampleZones} rings={options.rings} />
          </CardBody>
        ) : null}
      </Card>
    </>
  );
}
