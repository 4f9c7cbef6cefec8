import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { ContactsTable, NewContactForm } from '@/components/contacts/contacts-admin';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { EmptyState, PageHeader } from '@/components/ui/page-header';
import { can } from '@/lib/auth/permissions';
import { getActor } from '@/lib/auth/session';
import { findContacts, ZContactListQuery } from '@/lib/contacts/queries';
import { getDb } from '@/lib/runtime/db';
import { findAdminTenants, findTenantUsers } from '@/lib/tracking/admin-queries';
import { addContactAction, editContactAction, removeContactAction } from './actions';

export const metadata = { title: 'Contacts' };

/** Admin: the customer's contacts per tenant and what each is told. */
export default async function ContactsPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = (await getActor())!;
  if (!can(actor, 'tenant:admin')) forbidden();
  const params = await searchParams;
  const db = await getDb();
  const tenants = await findAdminTenants(db, actor);
  const tenant = tenants.find((t) => t.slug === params.tenant || t.id === params.tenant) ?? tenants[0];
  const header = (
    <PageHeader
      title="Contacts"
      description="The customer's people: told once per intake run when patches newly apply to their systems, and when a change touching their systems is approved, starts and ends."
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
  const query = ZContactListQuery.parse(params);
  const [page, users] = await Promise.all([findContacts(db, actor, tenant.id, query), findTenantUsers(db, actor, tenant.id)]);
  return (
    <>
      {header}
      <nav className="mb-4 flex flex-wrap gap-2" aria-label="Tenants">
        {tenants.map((t) => (
          <Link
            key={t.id}
            href={`/admin/contacts?tenant=${t.slug}`}
            className={cn(
              'rounded-full px-3 py-1 text-sm',
              t.id === tenant.id ? 'bg-brand-600 text-white' : 'bg-white text-slate-700 ring-1 ring-slate-200 hover:bg-slate-50',
            )}
          >
            {t.name}
          </Link>
        ))}
      </nav>
      <Card>
        <ContactsTable
          tenantId={tenant.id}
          rows={page.rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }))}
          total={page.total}
          page={page.page}
          pageSize={page.size}
          sort={query.sort}
          users={users}
          edit={editContactAction}
          remove={removeContactAction}
          filters={[
            {
              key: 'account',
              label: 'Account',
              options: [
                { value: 'user', label: 'user' },
                { value: 'external', label: 'external' },
              ],
            },
            {
              key: 'notifies',
              label: 'Told about',
              options: [
                { value: 'applicable', label: 'applicable patches' },
                { value: 'changes', label: 'changes' },
                { value: 'nothing', label: 'nothing' },
              ],
            },
          ]}
        />
      </Card>
      <Card className="mt-6">
        <CardHeader title={`New contact of ${tenant.name}`} />
        <CardBody>
          <NewContactForm action={addContactAction} tenantId={tenant.id} users={users} />
        </CardBody>
      </Card>
    </>
  );
}
