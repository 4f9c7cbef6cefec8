import Link from 'next/link';
import { MyApplicationsTable, MyAssetsTable, MyMissingTable, MyTestRunsTable } from '@/components/my-applications/my-tables';
import { Card } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import type { TFilterDef } from '@/components/ui/filter-bar';
import { EmptyState, PageHeader } from '@/components/ui/page-header';
import { getActor } from '@/lib/auth/session';
import { SEVERITIES } from '@/lib/domain/types';
import { findMyApplications, findMyAssets, myFacets, ZMyApplicationsQuery, ZMyAssetsQuery } from '@/lib/my-applications/queries';
import { findMyMissing, findMyTestRuns, RESULT_OUTCOMES, ZMyMissingQuery, ZMyTestRunsQuery } from '@/lib/my-applications/waiting';
import { getDb } from '@/lib/runtime/db';

export const metadata = { title: 'My applications' };

const TABS = [
  { id: 'missing', label: 'Most urgent' },
  { id: 'overdue', label: 'Past SLA' },
  { id: 'testing', label: 'In testing' },
  { id: 'assets', label: 'Assets' },
  { id: 'applications', label: 'Applications' },
] as const;
type TTab = (typeof TABS)[number]['id'];

const opts = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));
const YES_NO = [
  { value: 'yes', label: 'yes' },
  { value: 'no', label: 'no' },
];

/** An application owner's start page: their applications, their assets, what is missing and what waits for them. */
export default async function MyApplicationsPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = (await getActor())!;
  const params = await searchParams;
  const tab: TTab = TABS.find((t) => t.id === params.tab)?.id ?? 'missing';
  const db = await getDb();
  const facets = await myFacets(db, actor);
  const header = (
    <PageHeader
      title="My applications"
      description="The applications you own: their assets, the patches missing on them (SLA from each tenant's policy) and what waits for you."
    />
  );
  if (facets.applications.length === 0) {
    return (
      <>
        {header}
        <Card>
          <EmptyState
            title="You do not own an application yet"
            action={
              <Link className="text-sm text-brand-600 hover:underline" href="/assets">
                Browse the inventory →
              </Link>
            }
          >
            An administrator names the owner of each application. Once you own one, its assets, their missing patches and their test runs show here.
          </EmptyState>
        </Card>
      </>
    );
  }
  const app: TFilterDef = { key: 'app', label: 'Application', options: facets.applications.map((a) => ({ value: a.id, label: a.name })) };
  const tenant: TFilterDef[] =
    facets.tenants.length > 1 ? [{ key: 'tenant', label: 'Tenant', options: facets.tenants.map((t) => ({ value: t.id, label: t.name })) }] : [];
  const list = <Q extends { page: number; size: number; sort: { id: string; desc: boolean } }>(q: Q, res: { total: number }, filters: TFilterDef[]) => ({
    total: res.total,
    page: q.page,
    pageSize: q.size,
    sort: q.sort,
    filters,
  });
  let body: React.ReactNode;
  if (tab === 'missing' || tab === 'overdue') {
    const query = ZMyMissingQuery.parse(tab === 'overdue' ? { ...params, overdue: 'yes' } : params);
    const res = await findMyMissing(db, actor, query);
    const filters = [
      ...tenant,
      app,
      { key: 'severity', label: 'Severity', options: opts(SEVERITIES) },
      { key: 'kev', label: 'KEV', options: YES_NO },
      ...(tab === 'missing' ? [{ key: 'overdue', label: 'Past SLA', options: YES_NO }] : []),
    ];
    body =
      tab === 'missing' ? (
        <MyMissingTable
          {...list(query, res, filters)}
          rows={res.rows}
          label="Patches missing on my assets"
          empty="Nothing is missing on your assets with these filters. Clear the filters to see every missing patch."
        />
      ) : (
        <MyMissingTable
          {...list(query, res, filters)}
          rows={res.rows}
          label="Patches past their SLA on my assets"
          empty="No missing patch is past its SLA on your assets. Keep an eye on the most urgent tab."
        />
      );
  } else if (tab === 'testing') {
    const query = ZMyTestRunsQuery.parse(params);
    const res = await findMyTestRuns(db, actor, query);
    body = <MyTestRunsTable {...list(query, res, [app, { key: 'outcome', label: 'Result', options: opts(RESULT_OUTCOMES) }])} rows={res.rows} />;
  } else if (tab === 'assets') {
    const query = ZMyAssetsQuery.parse(params);
    const res = await findMyAssets(db, actor, query);
    const filters = [
      ...tenant,
      app,
      { key: 'ring', label: 'Ring', options: opts(facets.rings) },
      { key: 'missing', label: 'Missing patches', options: YES_NO },
      { key: 'overdue', label: 'Past SLA', options: YES_NO },
    ];
    body = <MyAssetsTable {...list(query, res, filters)} rows={res.rows} />;
  } else {
    const query = ZMyApplicationsQuery.parse(params);
    const res = await findMyApplications(db, actor, query);
    body = <MyApplicationsTable {...list(query, res, tenant)} rows={res.rows} />;
  }
  return (
    <>
      {header}
      <nav className="mb-3 flex flex-wrap gap-1 border-b border-slate-200" aria-label="My applications views">
        {TABS.map((t) => (
          <Link
            key={t.id}
            href={`/my?tab=${t.id}`}
            aria-current={t.id === tab ? 'page' : undefined}
            className={cn(
              '-mb-px border-b-2 px-3 py-2 text-sm font-medium',
              t.id === tab ? 'border-brand-600 text-brand-700' : 'border-transparent text-slate-500 hover:text-slate-800',
            )}
          >
            {t.label}
          </Link>
        ))}
      </nav>
      <Card>{body}</Card>
    </>
  );
}
