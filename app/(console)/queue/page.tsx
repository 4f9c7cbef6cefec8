import Link from 'next/link';
import { QueueTable } from '@/components/tracking/queue-table';
import { Card } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import type { TFilterDef } from '@/components/ui/filter-bar';
import { PageHeader } from '@/components/ui/page-header';
import { getActor } from '@/lib/auth/session';
import { SEVERITIES } from '@/lib/domain/types';
import { getDb } from '@/lib/runtime/db';
import { findMyQueue, queueTenants, ZQueueQuery } from '@/lib/tracking/queries';

export const metadata = { title: 'My queue' };

const VIEWS = [
  { id: 'active', label: 'Open' },
  { id: 'overdue', label: 'Past due' },
  { id: 'closed', label: 'Closed' },
] as const;

const EMPTY = {
  active:
    'No open tracking record is assigned to you with these filters. Records open by themselves when a patch applies to an application your resolver group works (or that you own); clear the filters, or check the Patches list.',
  overdue: 'Nothing of yours is past its due date. The Open tab lists what is due next.',
  closed: 'No record of yours has closed yet. A record closes by itself, with its evidence, once every affected asset reports the fix.',
} as const;

/** The tracking records the viewer works: their resolver groups', their applications', or (security) their tenants' unassigned ones. */
export default async function QueuePage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = (await getActor())!;
  const params = await searchParams;
  const query = ZQueueQuery.parse(params);
  const db = await getDb();
  const [page, tenants] = await Promise.all([findMyQueue(db, actor, query), queueTenants(db, actor)]);
  const filters: TFilterDef[] = [
    ...(tenants.length > 1 ? [{ key: 'tenant', label: 'Tenant', options: tenants.map((t) => ({ value: t.id, label: t.name })) }] : []),
    { key: 'severity', label: 'Severity', options: SEVERITIES.map((s) => ({ value: s, label: s })) },
    ...(query.view === 'closed'
      ? []
      : [
          {
            key: 'state',
            label: 'State',
            options: [
              { value: 'open', label: 'open' },
              { value: 'in_change', label: 'in change' },
            ],
          },
        ]),
  ];
  return (
    <>
      <PageHeader
        title="My queue"
        description="Tracking records assigned to you, one per patch × application, soonest due first. Due dates follow each tenant's SLA policy from the first detection; a record closes by itself when its assets are remediated."
      />
      <nav className="mb-3 flex flex-wrap gap-1 border-b border-slate-200" aria-label="Queue views">
        {VIEWS.map((v) => (
          <Link
            key={v.id}
            href={`/queue?view=${v.id}`}
            aria-current={v.id === query.view ? 'page' : undefined}
            className={cn(
              '-mb-px border-b-2 px-3 py-2 text-sm font-medium',
              v.id === query.view ? 'border-brand-600 text-brand-700' : 'border-transparent text-slate-500 hover:text-slate-800',
            )}
          >
            {v.label}
          </Link>
        ))}
      </nav>
      <Card>
        <QueueTable
          rows={page.rows.map((r) => ({
            ...r,
            dueAt: r.dueAt.toISOString(),
            openedAt: r.openedAt.toISOString(),
            closedAt: r.closedAt ? r.closedAt.toISOString() : null,
          }))}
          total={page.total}
          page={page.page}
          pageSize={page.size}
          sort={query.sort}
          filters={filters}
          empty={EMPTY[query.view]}
        />
      </Card>
    </>
  );
}
