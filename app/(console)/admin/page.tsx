import Link from 'next/link';
import { GrantRoleForm, NewApplicationForm, NewTenantForm, RevokeButton } from '@/components/admin/admin-forms';
import { Badge } from '@/components/ui/badge';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { forbidden } from 'next/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { SimpleTable } from '@/components/ui/simple-table';
import { getDb } from '@/lib/runtime/db';
import { adminOverview } from '@/lib/admin/queries';
import { can } from '@/lib/auth/permissions';
import { getActor } from '@/lib/auth/session';
import { CRITICALITY_TIERS, ROLES } from '@/lib/domain/types';
import { createApplicationAction, createTenantAction, grantRoleAction, revokeRoleAction } from './actions';

export const metadata = { title: 'Administration' };

export default async function AdminPage({ searchParams }: { searchParams: Promise<{ tenant?: string }> }) {
  const actor = (await getActor())!;
  if (!can(actor, 'tenant:admin')) forbidden();
  const overview = await adminOverview(await getDb(), actor);
  const { tenant: selected } = await searchParams;
  const current = overview.find((o) => o.tenant.slug === selected) ?? overview[0];
  const members = current ? [...new Map(current.members.map((m) => [m.userId, { userId: m.userId, label: `${m.name} <${m.email}>` }])).values()] : [];
  return (
    <>
      <PageHeader
        title="Administration"
        description="Tenants, their rings and applications, and who holds which role."
        actions={
          <div className="flex gap-2">
            {[
              ['/admin/resolvers', 'Resolver groups & CAB'],
              ['/admin/contacts', 'Customer contacts'],
              ['/admin/connectors', 'Change connectors'],
            ].map(([href, label]) => (
              <Link key={href} href={href} className="rounded-md px-3 py-1.5 text-sm font-medium text-brand-600 ring-1 ring-slate-200 hover:bg-slate-50">
                {label}
              </Link>
            ))}
          </div>
        }
      />
      <nav className="mb-4 flex flex-wrap gap-2" aria-label="Tenants">
        {overview.map((o) => (
          <Link
            key={o.tenant.id}
            href={`/admin?tenant=${o.tenant.slug}`}
            className={`rounded-full px-3 py-1 text-sm ${o.tenant.id === current?.tenant.id ? 'bg-brand-600 text-white' : 'bg-white text-slate-700 ring-1 ring-slate-200 hover:bg-slate-50'}`}
          >
            {o.tenant.name}
          </Link>
        ))}
      </nav>
      {current ? (
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
          <Card className="lg:col-span-2">
            <CardHeader title={`Rings of ${current.tenant.name}`} description="Patches roll out ring by ring in this order." />
            <CardBody className="flex flex-wrap items-center gap-2">
              {current.rings.map((r, i) => (
                <span key={r.id} className="flex items-center gap-2">
                  <Badge tone="brand" className="font-mono">
                    {r.name}
                  </Badge>
                  {i < current.rings.length - 1 ? <span className="text-slate-400">→</span> : null}
                </span>
              ))}
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="Applications" description={`${current.applications.length} in ${current.tenant.name}`} />
            <SimpleTable
              label="Applications"
              head={['Application', 'Owner', 'Criticality', 'Assets']}
              rows={current.applications.map((a) => [
                a.app.name,
                a.ownerName ?? '—',
                a.app.criticality,
                <Link key="n" className="text-brand-600 hover:underline" href={`/assets?app=${a.app.id}`}>
                  {a.assets}
                </Link>,
              ])}
            />
            <CardBody className="border-t border-slate-100">
              <NewApplicationForm action={createApplicationAction} tenantId={current.tenant.id} members={members} criticalities={CRITICALITY_TIERS} />
            </CardBody>
          </Card>
          <Card>
            <CardHeader title="Members and roles" />
            <SimpleTable
              label="Members"
              head={['User', 'Role', '']}
              rows={current.members.map((m) => [
                <span key="u">
                  {m.name} <span className="text-xs text-slate-500">{m.email}</span>
                </span>,
                <code key="r" className="text-xs">
                  {m.role}
                </code>,
                <RevokeButton key="x" action={revokeRoleAction} tenantId={current.tenant.id} userId={m.userId} role={m.role} label={m.email} />,
              ])}
            />
            <CardBody className="border-t border-slate-100">
              <GrantRoleForm action={grantRoleAction} tenantId={current.tenant.id} roles={ROLES} />
            </CardBody>
          </Card>
        </div>
      ) : null}
      <Card className="mt-6">
        <CardHeader title="New tenant" description="A customer of the provider; you become its first admin." />
        <CardBody>
          <NewTenantForm action={createTenantAction} />
        </CardBody>
      </Card>
    </>
  );
}
