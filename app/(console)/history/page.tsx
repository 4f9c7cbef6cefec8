import { Download } from 'lucide-react';
import { HistoryTable } from '@/components/authorisation/history-table';
import { buttonVariants } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { forbidden } from 'next/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/lib/runtime/db';
import { can } from '@/lib/auth/permissions';
import { getActor } from '@/lib/auth/session';
import { findHistory, ZHistoryQuery } from '@/lib/authorisation/history';
import { atToDate } from '@/lib/authorisation/queries';
import { PATCH_STATUSES, STATUS_LABEL } from '@/lib/domain/patch-lifecycle';
import { SEVERITIES } from '@/lib/domain/types';

export const metadata = { title: 'Patch history' };

export default async function HistoryPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = (await getActor())!;
  if (!can(actor, 'patch:read')) forbidden();
  const params = await searchParams;
  const query = ZHistoryQuery.parse(params);
  const page = await findHistory(await getDb(), actor, query, atToDate(query.at));
  const csv = new URLSearchParams(Object.entries(params).filter(([k]) => !['page', 'size'].includes(k)));
  return (
    <>
      <PageHeader
        title="Patch history"
        description="Every patch, past and present: its status, test runs, failed tests and why, newer revisions, and the decisions with their justifications. Test runs and decisions count only in your tenants."
        actions={
          <a className={buttonVariants({ variant: 'secondary' })} href={`/api/v1/patches/history.csv${csv.size ? `?${csv.toString()}` : ''}`} download>
            <Download /> Export CSV
          </a>
        }
      />
      <Card>
        <HistoryTable
          rows={page.rows}
          total={page.total}
          page={page.page}
          pageSize={page.size}
          sort={query.sort}
          filters={[
            {
              key: 'status',
              label: 'Status',
              options: [...PATCH_STATUSES.map((s) => ({ value: s, label: STATUS_LABEL[s] })), { value: 'review', label: 'needs review' }],
            },
            { key: 'severity', label: 'Severity', options: SEVERITIES.map((s) => ({ value: s, label: s })) },
            ...(page.tenants.length > 1 ? [{ key: 'tenant', label: 'Tenant', options: page.tenants.map((t) => ({ value: t.slug, label: t.name })) }] : []),
            { key: 'failed', label: 'Tests', options: [{ value: 'never_applied', label: 'failed, never authorised' }] },
          ]}
        />
      </Card>
    </>
  );
}
