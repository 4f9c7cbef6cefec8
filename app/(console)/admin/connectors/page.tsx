import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { ConnectorActions, NewConnectorForm } from '@/components/change-connectors/connector-forms';
import { DeliveriesTable } from '@/components/change-connectors/deliveries-table';
import { Badge } from '@/components/ui/badge';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { formatDateTime } from '@/components/ui/format';
import { EmptyState, PageHeader } from '@/components/ui/page-header';
import { SimpleTable } from '@/components/ui/simple-table';
import { can } from '@/lib/auth/permissions';
import { getActor } from '@/lib/auth/session';
import { DELIVERY_STATUSES, findChangeConnectors, findWebhookDeliveries, ZDeliveryListQuery } from '@/lib/changes/connector/queries';
import { changeNumber } from '@/lib/changes/queries';
import { getDb } from '@/lib/runtime/db';
import { createConnectorAction, deleteConnectorAction, setConnectorEnabledAction } from './actions';

export const metadata = { title: 'Change connectors' };

export default async function ChangeConnectorsPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = (await getActor())!;
  if (!can(actor, 'tenant:admin')) forbidden();
  const db = await getDb();
  const query = ZDeliveryListQuery.parse(await searchParams);
  const overview = await findChangeConnectors(db, actor);
  const current = overview.find((o) => o.tenant.slug === query.tenant || o.tenant.id === query.tenant) ?? overview[0];
  const deliveries = current ? await findWebhookDeliveries(db, actor, current.tenant.id, query) : null;
  const isBuiltin = current ? !current.connectors.some((c) => c.isEnabled) : true;
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/admin" className="hover:underline">
            Administration
          </Link>
        }
        title="Change connectors"
        description="Where a tenant's changes are approved: the built-in CAB by default, or an external change-management system reached through a signed webhook (see the README for payloads and signing)."
      />
      <nav className="mb-4 flex flex-wrap gap-2" aria-label="Tenants">
        {overview.map((o) => (
          <Link
            key={o.tenant.id}
            href={`/admin/connectors?tenant=${o.tenant.slug}`}
            className={`rounded-full px-3 py-1 text-sm ${o.tenant.id === current?.tenant.id ? 'bg-brand-600 text-white' : 'bg-white text-slate-700 ring-1 ring-slate-200 hover:bg-slate-50'}`}
          >
            {o.tenant.name}
          </Link>
        ))}
      </nav>
      {current && deliveries ? (
        <div className="grid grid-cols-1 gap-6">
          <Card>
            <CardHeader
              title={`Connectors of ${current.tenant.name}`}
              description={
                isBuiltin
                  ? 'No enabled connector: changes are approved by the built-in CAB only, and nothing is sent out.'
                  : 'Every change event is POSTed, signed, to each enabled connector; its callbacks may approve, reject or set the implementation window.'
              }
            />
            {current.connectors.length === 0 ? (
              <EmptyState title="Built-in CAB">Add a webhook connector to send this tenant’s change events to an external change-management system.</EmptyState>
            ) : (
              <SimpleTable
                label="Connectors"
                head={['Name', 'URL', 'Key id', 'State', 'Deliveries', 'Created', '']}
                rows={current.connectors.map((c) => [
                  <span key="n" className="font-medium">
                    {c.name} <span className="text-xs text-slate-500">{c.kind}</span>
                  </span>,
                  <span key="u" className="block max-w-xs truncate text-xs" title={c.url}>
                    {c.url}
                  </span>,
                  <code key="k" className="text-xs">
                    {c.keyId}
                  </code>,
                  <Badge key="s" tone={c.isEnabled ? 'green' : 'neutral'} data-testid="connector-state">
                    {c.isEnabled ? 'enabled' : 'disabled'}
                  </Badge>,
                  <span key="d" className="text-xs">
                    {c.counts.delivered} delivered · {c.counts.queued} queued ·{' '}
                    <span className={c.counts.failed ? 'text-red-700' : undefined}>{c.counts.failed} failed</span>
                  </span>,
                  <span key="c" className="text-xs">
                    {formatDateTime(c.createdAt)}
                  </span>,
                  <ConnectorActions
                    key="a"
                    connector={{ id: c.id, name: c.name, isEnabled: c.isEnabled }}
                    setEnabled={setConnectorEnabledAction}
                    remove={deleteConnectorAction}
                  />,
                ])}
              />
            )}
            <CardBody className="border-t border-slate-100">
              <NewConnectorForm action={createConnectorAction} tenantId={current.tenant.id} />
            </CardBody>
          </Card>
          <Card>
            <CardHeader
              title="Delivery log"
              description="Outbound webhook deliveries of this tenant, newest first. A failed attempt is retried with backoff, six attempts in all."
            />
            <DeliveriesTable
              rows={deliveries.rows.map((d) => ({
                id: d.id,
                status: d.status,
                attempts: d.attempts,
                lastHttpStatus: d.lastHttpStatus,
                lastError: d.lastError,
                createdAt: d.createdAt.toISOString(),
                lastAttemptAt: d.lastAttemptAt?.toISOString() ?? null,
                deliveredAt: d.deliveredAt?.toISOString() ?? null,
                connectorName: d.connectorName,
                event: d.event,
                changeId: d.changeId,
                changeRef: d.changeNumber === null ? null : changeNumber(d.changeNumber),
                changeTitle: d.changeTitle,
              }))}
              total={deliveries.total}
              page={deliveries.page}
              pageSize={deliveries.size}
              sort={query.sort}
              filters={[
                { key: 'status', label: 'Status', options: DELIVERY_STATUSES.map((s) => ({ value: s, label: s })) },
                ...(current.connectors.length > 1
                  ? [{ key: 'connector', label: 'Connector', options: current.connectors.map((c) => ({ value: c.id, label: c.name })) }]
                  : []),
              ]}
            />
          </Card>
        </div>
      ) : (
        <EmptyState title="No tenant to administer" />
      )}
    </>
  );
}
