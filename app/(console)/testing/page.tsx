import Link from 'next/link';
import { QueueTable } from '@/components/authorisation/queue-table';
import { buttonVariants } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { forbidden } from 'next/navigation';
import { formatDateTime } from '@/components/ui/format';
import { EmptyState, PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/lib/runtime/db';
import { can } from '@/lib/auth/permissions';
import { getActor } from '@/lib/auth/session';
import { atToDate, findTestingQueue, ZQueueQuery } from '@/lib/authorisation/queries';

export const metadata = { title: 'Testing queue' };

const DESCRIPTION =
  'Patches to test and decide per tenant (each tenant decides for itself), most urgent first: requests awaiting your approval, then known-exploited (KEV), severity, the tenant’s SLA deadline, and how many assets miss the patch.';

export default async function TestingPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = (await getActor())!;
  if (!can(actor, 'patch:test')) forbidden();
  const query = ZQueueQuery.parse(await searchParams);
  // `?at=` evaluates the queue at another instant: deferrals whose date has come are back in it.
  const now = atToDate(query.at);
  const queue = await findTestingQueue(await getDb(), actor, query, now);
  return (
    <>
      <PageHeader
        title="Testing queue"
        description={DESCRIPTION}
        actions={
          <>
            <Link href="/history" className={buttonVariants({ variant: 'secondary' })}>
              Patch history
            </Link>
            {can(actor, 'policy:write') ? (
              <Link href="/testing/rules" className={buttonVariants({ variant: 'secondary' })}>
                Auto-approval rules
              </Link>
            ) : null}
          </>
        }
      />
      {query.at ? (
        <p className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="queue-at">
          Showing the queue as of {formatDateTime(now)}: deferrals that have ended by then are back in it.{' '}
          <Link className="underline" href="/testing">
            Back to now
          </Link>
        </p>
      ) : null}
      <Card>
        {queue.tenants.length === 0 ? (
          <EmptyState title="No tenant to test in">Ask an administrator for the security role in a tenant.</EmptyState>
        ) : (
          <QueueTable
            rows={queue.rows}
            total={queue.total}
            page={queue.page}
            pageSize={queue.size}
            nowIso={now.toISOString()}
            filters={[
              ...(queue.tenants.length > 1 ? [{ key: 'tenant', label: 'Tenant', options: queue.tenants.map((t) => ({ value: t.slug, label: t.name })) }] : []),
              {
                key: 'status',
                label: 'Status',
                options: [
                  { value: 'awaiting', label: 'awaiting my approval' },
                  { value: 'new', label: 'new (incl. ended deferrals)' },
                  { value: 'in_testing', label: 'in testing' },
                  { value: 'revoked', label: 'revoked' },
                  { value: 'review', label: 'authorised, needs review' },
                ],
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}
