import Link from 'next/link';
import { StackedBarChart } from '@/components/charts/stacked-bar-chart';
import { MissesTable } from '@/components/scheduling/misses-table';
import { SchedulingLinks } from '@/components/scheduling/scheduling-links';
import { ScheduleControls } from '@/components/scheduling/schedule-controls';
import { TenantTabs } from '@/components/scheduling/tenant-tabs';
import { buttonVariants } from '@/components/ui/button';
import { Card, CardBody, CardHeader, Stat } from '@/components/ui/card';
import { forbidden } from 'next/navigation';
import { EmptyState, PageHeader } from '@/components/ui/page-header';
import { SimpleTable } from '@/components/ui/simple-table';
import { getDb } from '@/lib/runtime/db';
import { can } from '@/lib/auth/permissions';
import { getActor } from '@/lib/auth/session';
import { listQuerySchema } from '@/lib/list-query';
import { dailyTimeline, deadlineMisses, MISS_REASON_LABEL, pageOf, readableDetail, ringCounts, wallTime } from '@/lib/scheduling/plan-view';
import { changeNumber, findChanges, ZChangeListQuery } from '@/lib/changes/queries';
import { previewSchedule, ZSchedulePreviewQuery } from '@/lib/scheduling/preview-schedule';
import { findSchedulingTenants, pickTenant, scheduleFormOptions } from '@/lib/scheduling/queries';

export const metadata = { title: 'Schedule' };

const ZPaging = listQuerySchema(['deadline'], 'deadline');
const DESCRIPTION =
  'How a patch released now would roll out: ring by ring, in your maintenance windows, around blackouts, within your policy — and which assets would miss their SLA.';

export default async function SchedulePage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = (await getActor())!;
  if (!can(actor, 'schedule:read')) forbidden();
  const params = await searchParams;
  const db = await getDb();
  const tenants = await findSchedulingTenants(db, actor);
  const tenant = pickTenant(tenants, params.tenant);
  if (!tenant) {
    return (
      <>
        <PageHeader title="Schedule preview" description={DESCRIPTION} />
        <Card>
          <EmptyState title="No tenant to show">Ask an administrator to grant you a role in a tenant.</EmptyState>
        </Card>
      </>
    );
  }
  const query = ZSchedulePreviewQuery.parse(params);
  const paging = ZPaging.parse(params);
  const display = params.display === 'utc' ? 'utc' : 'local';
  const [preview, options, upcoming] = await Promise.all([
    previewSchedule(db, actor, tenant.id, query),
    scheduleFormOptions(db, actor, tenant.id),
    findChanges(db, actor, ZChangeListQuery.parse({ tenant: tenant.id, state: 'scheduled', sort: 'planned:asc', size: '10' })),
  ]);
  const { plan, summary } = preview;
  const zone = display === 'utc' ? 'UTC' : preview.mainZone;
  const fmt = (iso: string | null, z = zone) => (iso ? `${wallTime(iso, z)} ${z === 'UTC' ? 'UTC' : ''}`.trim() : '—');
  const counts = ringCounts(plan, preview.policy, preview.assets);
  const timeline = dailyTimeline(plan, zone);
  const misses = pageOf(deadlineMisses(plan, preview.assets), paging.page, paging.size);
  const late = plan.atRisk.length;
  const unschedulable = plan.unschedulable.length;

  const href = (over: Record<string, string | undefined>) => {
    const next = new URLSearchParams({ ...params, tenant: tenant.slug });
    for (const [k, v] of Object.entries(over)) v ? next.set(k, v) : next.delete(k);
    return `/schedule?${next.toString()}`;
  };
  const icsParams = new URLSearchParams({
    tenant: tenant.id,
    severity: query.severity,
    minutes: String(query.minutes),
    ...(query.mode ? { mode: query.mode } : {}),
    ...(query.app ? { app: query.app } : {}),
    ...(query.ring ? { ring: query.ring } : {}),
    ...(query.at ? { at: query.at } : {}),
  });

  return (
    <>
      <PageHeader
        title="Schedule preview"
        description={DESCRIPTION}
        actions={
          <SchedulingLinks
            ics={{ href: `/api/v1/schedule/preview.ics?${icsParams.toString()}`, label: 'Export waves (.ics)' }}
            sibling={{ href: `/windows?tenant=${tenant.slug}`, label: 'Windows & blackouts' }}
            policyHref={can(actor, 'policy:write', tenant.id) ? `/settings?tenant=${tenant.slug}` : null}
          />
        }
      />
      <TenantTabs tenants={tenants} currentId={tenant.id} basePath="/schedule" />
      <Card className="mb-6">
        <CardHeader
          title="Upcoming changes"
          description="Scheduled change requests of this tenant, with their saved plans: what will actually run, soonest first."
          actions={
            <Link className={buttonVariants({ variant: 'secondary', size: 'sm' })} href={`/changes/calendar?tenant=${tenant.slug}`}>
              Change calendar
            </Link>
          }
        />
        {upcoming.rows.length === 0 ? (
          <EmptyState title="No scheduled change yet">
            Authorised patches become change requests every hour (or from the Changes page); standard ones are scheduled at once, others once approved.
          </EmptyState>
        ) : (
          <SimpleTable
            label="Upcoming changes"
            head={['Change', 'Type', 'Assets', `Starts (${zone})`, `Ends (${zone})`, 'Risk']}
            rows={upcoming.rows.map((c) => [
              <Link key="n" className="text-brand-600 hover:underline" href={`/changes/${c.id}`}>
                <span className="font-mono">{changeNumber(c.number)}</span> {c.title}
              </Link>,
              c.type,
              c.assetCount.toLocaleString('en-US'),
              fmt(c.plannedStart?.toISOString() ?? null),
              fmt(c.plannedEnd?.toISOString() ?? null),
              `${c.riskLevel} (${c.riskScore})`,
            ])}
          />
        )}
      </Card>
      <Card className="mb-6">
        <CardBody>
          <ScheduleControls
            query={query}
            keep={{ tenant: tenant.slug, display: params.display, at: query.at }}
            defaultMode={preview.policy.defaultTimeMode}
            rings={options.rings}
            applications={options.applications}
          />
          <p className="mt-3 text-xs text-slate-500">
            Planned at {fmt(preview.now, 'UTC')} · SLA {preview.policy.severity[query.severity].slaDays} days for {query.severity} · {plan.timeMode} time mode ·{' '}
            {preview.targetCount.toLocaleString('en-US')} asset(s) · {preview.enabledWindows} enabled window(s) · {preview.blackouts.length} blackout(s)
          </p>
        </CardBody>
      </Card>
      {preview.targetCount === 0 ? (
        <Card>
          <EmptyState title="No assets to plan">
            {query.app || query.ring
              ? 'No deployable asset matches these filters: clear them.'
              : 'This tenant has no VMs or hosts yet: register assets through the agent API or an inventory upload.'}
          </EmptyState>
        </Card>
      ) : preview.enabledWindows === 0 ? (
        <Card>
          <EmptyState
            title="No maintenance windows yet — create one"
            action={
              <Link className={buttonVariants({ size: 'sm' })} href={`/windows?tenant=${tenant.slug}`}>
                Go to maintenance windows
              </Link>
            }
          >
            Without an enabled window the planner has nowhere to put a deployment: all {preview.targetCount.toLocaleString('en-US')} asset(s) are unschedulable.
          </EmptyState>
        </Card>
      ) : (
        <>
          <div className="mb-6 grid grid-cols-2 gap-4 lg:grid-cols-5">
            <Stat label="Jobs planned" value={summary.jobs.toLocaleString('en-US')} hint={`${plan.jobMinutes} min each`} />
            <Stat
              label="Waves"
              value={<span className="text-base">{plan.waves.map((w) => w.ring).join(' → ') || '—'}</span>}
              hint={`${plan.waves.length} ring(s) in policy order`}
            />
            <Stat label="Finishes" value={<span className="text-base">{fmt(summary.end)}</span>} hint={display === 'local' ? preview.mainZone : undefined} />
            <Stat label="Miss the deadline" value={late.toLocaleString('en-US')} hint="planned, but too late" />
            <Stat label="Unschedulable" value={unschedulable.toLocaleString('en-US')} hint={`peak ${summary.peakConcurrency} jobs at once`} />
          </div>
          <Card className="mb-6">
            <CardHeader
              title="Waves by ring"
              description={
                display === 'utc' ? 'Jobs starting per day, in UTC.' : `Jobs starting per day, in ${preview.mainZone} (the tenant's most common zone).`
              }
              actions={
                <div className="flex gap-1 text-sm" role="group" aria-label="Display times in">
                  <Link
                    aria-current={display === 'local' ? 'true' : undefined}
                    className={buttonVariants({ variant: display === 'local' ? 'primary' : 'secondary', size: 'sm' })}
                    href={href({ display: undefined, page: undefined })}
                  >
                    Local
                  </Link>
                  <Link
                    aria-current={display === 'utc' ? 'true' : undefined}
                    className={buttonVariants({ variant: display === 'utc' ? 'primary' : 'secondary', size: 'sm' })}
                    href={href({ display: 'utc', page: undefined })}
                  >
                    UTC
                  </Link>
                </div>
              }
            />
            <CardBody>
              {plan.waves.length ? (
                <StackedBarChart label="Jobs per day by ring" rows={timeline.rows} xKey="day" series={timeline.series} height={260} />
              ) : (
                <EmptyState title="Nothing can be planned">See the list below for why each asset is unschedulable.</EmptyState>
              )}
              <SimpleTable
                label="Waves"
                head={['#', 'Ring', 'Jobs', `Starts (${zone})`, `Ends (${zone})`, 'Halts after failures']}
                rows={plan.waves.map((w) => [
                  w.index + 1,
                  <span key="r" className="font-mono">
                    {w.ring}
                  </span>,
                  w.jobs.length,
                  fmt(w.start),
                  fmt(w.end),
                  w.haltAfterFailures,
                ])}
              />
              {timeline.rows.length ? (
                <details className="mt-3">
                  <summary className="cursor-pointer text-xs font-medium text-slate-500">Show data per day</summary>
                  <SimpleTable
                    label="Jobs per day by ring"
                    head={['Day', ...timeline.series]}
                    rows={timeline.rows.map((r) => [r.day, ...timeline.series.map((s) => r[s])])}
                  />
                </details>
              ) : null}
            </CardBody>
          </Card>
          <Card className="mb-6">
            <CardHeader title="Per ring" description="In policy order; a ring starts after the previous ring's last job and its soak time." />
            <SimpleTable
              label="Per ring"
              head={['Ring', 'Assets', 'Planned', 'Miss deadline', 'Unschedulable', `First job (${zone})`, `Last job ends (${zone})`]}
              rows={counts.map((c) => [
                <span key="r" className="font-mono">
                  {c.ring}
                </span>,
                c.targets,
                c.planned,
                c.atRisk,
                c.unschedulable,
                fmt(c.start),
                fmt(c.end),
              ])}
            />
          </Card>
          <Card>
            <CardHeader
              title="Deadline misses and unschedulable assets"
              description={`Earliest deadline first. Times ${display === 'utc' ? 'in UTC' : "on each asset's own clock"}.`}
            />
            <MissesTable
              rows={misses.rows.map((m) => ({
                assetId: m.assetId,
                name: m.name,
                ring: m.ring,
                zone: m.zone,
                status: m.status,
                reason: MISS_REASON_LABEL[m.reason],
                detail: readableDetail(m.detail, m.zone),
                deadline: fmt(m.deadline, display === 'utc' ? 'UTC' : m.zone),
                planned: m.start ? fmt(m.start, display === 'utc' ? 'UTC' : m.zone) : null,
              }))}
              total={misses.total}
              page={misses.page}
              pageSize={misses.size}
            />
          </Card>
        </>
      )}
    </>
  );
}
