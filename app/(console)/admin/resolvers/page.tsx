import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { AddCabMemberForm, CabTable, NewResolverGroupForm, ResolverGroupsTable } from '@/components/tracking/resolver-admin';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { EmptyState, PageHeader } from '@/components/ui/page-header';
import { can } from '@/lib/auth/permissions';
import { getActor } from '@/lib/auth/session';
import { getDb } from '@/lib/runtime/db';
import {
  findAdminTenants,
  findCabMembers,
  findResolverGroups,
  findTenantApplications,
  findTenantUsers,
  ZCabListQuery,
  ZGroupListQuery,
} from '@/lib/tracking/admin-queries';
import {
  addCabMemberAction,
  addResolverMemberAction,
  createResolverGroupAction,
  deleteResolverGroupAction,
  removeCabMemberAction,
  removeResolverMemberAction,
  renameResolverGroupAction,
} from './actions';

export const metadata = { title: 'Resolver groups and CAB' };

const TABS = [
  { id: 'groups', label: 'Resolver groups' },
  { id: 'cab', label: 'Change advisory board' },
] as const;

/** Admin: who works each application's tracking records, and who sits on the tenant's CAB. */
export default async function ResolversPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = (await getActor())!;
  if (!can(actor, 'tenant:admin')) forbidden();
  const params = await searchParams;
  const db = await getDb();
  const tenants = await findAdminTenants(db, actor);
  const tenant = tenants.find((t) => t.slug === params.tenant || t.id === params.tenant) ?? tenants[0];
  const tab = params.tab === 'cab' ? 'cab' : 'groups';
  const header = (
    <PageHeader
      title="Resolver groups and CAB"
      description="A resolver group works an application's tracking records (without one, the application's owner does). The CAB approves normal changes with security, up to the policy's quorum."
    />
  );
  if (!tenant)
    return (
      <>
        {header}
        <Card>
          <EmptyState title="No tenant to administer">You administer no tenant. A tenant admin grants the admin role on the Administration page.</EmptyState>
        </Card>
      </>
    );
  const users = await findTenantUsers(db, actor, tenant.id);
  let body: React.ReactNode;
  if (tab === 'groups') {
    const query = ZGroupListQuery.parse(params);
    const [page, apps] = await Promise.all([findResolverGroups(db, actor, tenant.id, query), findTenantApplications(db, actor, tenant.id)]);
    body = (
      <>
        <Card>
          <ResolverGroupsTable
            tenantId={tenant.id}
            rows={page.rows}
            total={page.total}
            page={page.page}
            pageSize={page.size}
            sort={query.sort}
            users={users}
            actions={{
              rename: renameResolverGroupAction,
              remove: deleteResolverGroupAction,
              addMember: addResolverMemberAction,
              removeMember: removeResolverMemberAction,
            }}
          />
        </Card>
        <Card className="mt-6">
          <CardHeader title="New resolver group" description="One group per application; its open tracking records are assigned to it at once." />
          <CardBody>
            <NewResolverGroupForm
              action={createResolverGroupAction}
              tenantId={tenant.id}
              applications={apps.filter((a) => !a.hasGroup).map((a) => ({ id: a.id, label: a.name }))}
              users={users}
            />
          </CardBody>
        </Card>
      </>
    );
  } else {
    const query = ZCabListQuery.parse(params);
    const page = await findCabMembers(db, actor, tenant.id, query);
    body = (
      <>
        <Card>
          <CabTable
            tenantId={tenant.id}
            rows={page.rows.map((r) => ({ ...r, addedAt: r.addedAt.toISOString() }))}
            total={page.total}
            page={page.page}
            pageSize={page.size}
            sort={query.sort}
            remove={removeCabMemberAction}
          />
        </Card>
        <Card className="mt-6">
          <CardHeader title="Add a CAB member" />
          <CardBody>
            <AddCabMemberForm action={addCabMemberAction} tenantId={tenant.id} users={users} />
          </CardBody>
        </Card>
      </>
    );
  }
  return (
    <>
      {header}
      <nav className="mb-4 flex flex-wrap gap-2" aria-label="Tenants">
        {tenants.map((t) => (
          <Link
            key={t.id}
            href={`/admin/resolvers?tenant=${t.slug}&tab=${tab}`}
            className={cn(
              'rounded-full px-3 py-1 text-sm',
              t.id === tenant.id ? 'bg-brand-600 text-white' : 'bg-white text-slate-700 ring-1 ring-slate-200 hover:bg-slate-50',
            )}
          >
            {t.name}
          </Link>
        ))}
      </nav>
      <nav className="mb-3 flex flex-wrap gap-1 border-b border-slate-200" aria-label="Resolver views">
        {TABS.map((x) => (
          <Link
            key={x.id}
            href={`/admin/resolvers?tenant=${tenant.slug}&tab=${x.id}`}
            aria-current={x.id === tab ? 'page' : undefined}
            className={cn(
              '-mb-px border-b-2 px-3 py-2 text-sm font-medium',
              x.id === tab ? 'border-brand-600 text-brand-700' : 'border-transparent text-slate-500 hover:text-slate-800',
            )}
          >
            {x.label}
          </Link>
        ))}
      </nav>
      {body}
    </>
  );
}
