import Link from 'next/link';
import { StackedBarChart } from '@/components/charts/stacked-bar-chart';
import { Card, CardBody, CardHeader, Stat } from '@/components/ui/card';
import { EmptyState, PageHeader } from '@/components/ui/page-header';
import { SimpleTable } from '@/components/ui/simple-table';
import { getDb } from '@/lib/runtime/db';
import { fleetOverview, recentAudit } from '@/lib/dashboard/queries';
import { getActor } from '@/lib/auth/session';
import { formatDateTime } from '@/components/ui/format';

export const metadata = { title: 'Overview' };

export default async function OverviewPage() {
  const actor = (await getActor())!;
  const db = await getDb();
  const [overview, audit] = await Promise.all([fleetOverview(db, actor), recentAudit(db, actor)]);
  if (!overview) {
    return (
      <>
        <PageHeader title="Overview" />
        <Card>
          <EmptyState title="You are not a member of any tenant yet">Ask an administrator to grant you a role in a tenant.</EmptyState>
        </Card>
      </>
    );
  }
  const total = (overview.totals.vm ?? 0) + (overview.totals.host ?? 0) + (overview.totals.image ?? 0);
  return (
    <>
      <PageHeader title="Fleet overview" description="Everything Patchward knows about your tenants' virtual machines, hypervisor hosts and golden images." />
      <div className="mb-6 grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat
          label="Virtual machines"
          value={(overview.totals.vm ?? 0).toLocaleString('en-US')}
          hint={`${overview.lifecycle.suspended ?? 0} suspended · ${overview.lifecycle.provisioning ?? 0} provisioning`}
        />
        <Stat label="Hypervisor hosts" value={(overview.totals.host ?? 0).toLocaleString('en-US')} />
        <Stat label="Golden images" value={(overview.totals.image ?? 0).toLocaleString('en-US')} />
        <Stat label="Not seen for 7 days" value={overview.staleActive.toLocaleString('en-US')} hint="active assets without a recent inventory report" />
      </div>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader title="Assets by ring" description={`${total.toLocaleString('en-US')} assets across ${overview.ringSeries.length} tenants`} />
          <CardBody>
            <StackedBarChart label="Assets by ring per tenant" rows={overview.ringSeries} xKey="tenant" series={overview.ringNames} />
            <details className="mt-3">
              <summary className="cursor-pointer text-xs font-medium text-slate-500">Show data</summary>
              <SimpleTable
                label="Assets by ring per tenant"
                head={['Tenant', ...overview.ringNames]}
                rows={overview.ringSeries.map((r) => [r.tenant, ...overview.ringNames.map((n) => (r as Record<string, string | number>)[n])])}
              />
            </details>
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Time zones" description="Where your assets keep their wall clocks" />
          <CardBody className="max-h-80 overflow-y-auto p-0">
            <SimpleTable
              label="Assets per time zone"
              head={['Zone', 'Assets']}
              rows={overview.zones.map((z) => [
                <Link key={z.zone} className="text-brand-600 hover:underline" href={`/assets?zone=${encodeURIComponent(z.zone)}`}>
                  {z.zone}
                </Link>,
                z.n,
              ])}
            />
          </CardBody>
        </Card>
      </div>
      {audit.length ? (
        <Card className="mt-6">
          <CardHeader
            title="Recent activity"
            actions={
              <Link className="text-sm text-brand-600 hover:underline" href="/audit">
                Audit log →
              </Link>
            }
          />
          <SimpleTable
            label="Recent activity"
            head={['When', 'Who', 'Action', 'Target']}
            rows={audit.map((a) => [
              formatDateTime(a.at),
              a.actorLabel,
              <code key="a" className="text-xs">
                {a.action}
              </code>,
              `${a.targetType} ${a.targetId?.slice(0, 8) ?? ''}`,
            ])}
          />
        </Card>
      ) : null}
    </>
  );
}
