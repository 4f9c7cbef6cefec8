import Link from 'next/link';
import { PolicyForm } from '@/components/scheduling/policy-form';
import { TenantTabs } from '@/components/scheduling/tenant-tabs';
import { Badge } from '@/components/ui/badge';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { formatDateTime } from '@/components/ui/format';
import { forbidden } from 'next/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/lib/runtime/db';
import { can } from '@/lib/auth/permissions';
import { getActor } from '@/lib/auth/session';
import { findSchedulingTenants, getTenantPolicy, pickTenant } from '@/lib/scheduling/queries';
import { savePolicyAction } from './actions';

export const metadata = { title: 'Policy' };

export default async function SettingsPage({ searchParams }: { searchParams: Promise<{ tenant?: string }> }) {
  const actor = (await getActor())!;
  if (!can(actor, 'policy:write')) forbidden();
  const db = await getDb();
  const tenants = await findSchedulingTenants(db, actor, 'policy:write');
  const tenant = pickTenant(tenants, (await searchParams).tenant);
  if (!tenant) forbidden();
  const current = await getTenantPolicy(db, actor, tenant.id, 'policy:write');
  return (
    <>
      <PageHeader
        title="Patch policy"
        description="Per tenant: SLA per severity, the order rings are patched in with their soak time and promotion gate, rate control, the default time mode, and how changes are grouped, approved and pre-approved."
        actions={
          <Link className="text-sm text-brand-600 hover:underline" href={`/schedule?tenant=${tenant.slug}`}>
            Preview the schedule →
          </Link>
        }
      />
      <TenantTabs tenants={tenants} currentId={tenant.id} basePath="/settings" />
      <Card>
        <CardHeader
          title={`Policy of ${tenant.name}`}
          description={
            current.isDefault
              ? 'This tenant runs on the default policy: saving it makes it the tenant’s own.'
              : `Version ${current.version}, saved ${formatDateTime(current.updatedAt)}${current.updatedByName ? ` by ${current.updatedByName}` : ''}.`
          }
          actions={<Badge tone={current.isDefault ? 'amber' : 'green'}>{current.isDefault ? 'default' : `version ${current.version}`}</Badge>}
        />
        <CardBody>
          <PolicyForm
            key={tenant.id}
            action={savePolicyAction}
            tenantId={tenant.id}
            version={current.version}
            policy={current.policy}
            ringNames={current.rings.map((r) => r.name)}
          />
        </CardBody>
      </Card>
    </>
  );
}
