import { Card } from '@/components/ui/card';
import { forbidden } from 'next/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { AssetsTable } from '@/components/assets/assets-table';
import { getDb } from '@/lib/runtime/db';
import { assetFacets, findAssets, ZAssetListQuery } from '@/lib/assets/queries';
import { can } from '@/lib/auth/permissions';
import { getActor } from '@/lib/auth/session';
import { ASSET_KINDS, LIFECYCLE_STATES, OS_FAMILIES } from '@/lib/domain/types';
import { bulkSetRingAction } from './actions';

export const metadata = { title: 'Inventory' };

export default async function AssetsPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = (await getActor())!;
  if (!can(actor, 'asset:read')) forbidden();
  const query = ZAssetListQuery.parse(await searchParams);
  const db = await getDb();
  const [page, facets] = await Promise.all([findAssets(db, actor, query), assetFacets(db, actor)]);
  return (
    <>
      <PageHeader title="Inventory" description="Virtual machines, hypervisor hosts and golden images of your tenants, with the software each runs." />
      <Card>
        <AssetsTable
          rows={page.rows.map((r) => ({ ...r, lastSeenAt: r.lastSeenAt ? r.lastSeenAt.toISOString() : null }))}
          total={page.total}
          page={page.page}
          pageSize={page.size}
          sort={query.sort}
          ringNames={facets.rings}
          canBulk={can(actor, 'asset:bulk')}
          bulkSetRing={bulkSetRingAction}
          filters={[
            ...(facets.tenants.length > 1 ? [{ key: 'tenant', label: 'Tenant', options: facets.tenants.map((t) => ({ value: t.id, label: t.name })) }] : []),
            { key: 'app', label: 'Application', options: facets.applications.map((a) => ({ value: a.id, label: a.name })) },
            { key: 'ring', label: 'Ring', options: facets.rings.map((r) => ({ value: r, label: r })) },
            { key: 'kind', label: 'Kind', options: ASSET_KINDS.map((k) => ({ value: k, label: k })) },
            { key: 'os', label: 'OS', options: OS_FAMILIES.map((o) => ({ value: o, label: o })) },
            { key: 'lifecycle', label: 'State', options: LIFECYCLE_STATES.map((l) => ({ value: l, label: l })) },
            { key: 'zone', label: 'Zone', options: facets.zones.map((z) => ({ value: z, label: z })) },
          ]}
        />
      </Card>
    </>
  );
}
